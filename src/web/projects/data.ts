/** Project, call and brand queries and writes shared by the public library, the H5 submissions and the console. */
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../api/client.js';
import type { components, operations } from '../api/schema.js';
import { currentLanguage } from '../i18n/index.js';

export type ProjectItem = components['schemas']['ProjectItem'];
export type ProjectDetail = components['schemas']['ProjectDetail'];
export type ProjectCall = components['schemas']['ProjectCall'];
export type Brand = components['schemas']['Brand'];
export type BrandDetail = components['schemas']['BrandDetail'];
export type ProjectResults = components['schemas']['ProjectResults'];
export type LibraryFilter = NonNullable<operations['listLibraryProjects']['parameters']['query']>;
export type StaffFilter = NonNullable<operations['listProjects']['parameters']['query']>;

type Body<K extends keyof operations> = operations[K] extends {
  requestBody?: { content: { 'application/json': infer T } };
}
  ? T
  : never;
export type CreateProjectBody = Body<'createProject'>;
export type UpdateProjectBody = Body<'updateProject'>;
export type CreateCallBody = Body<'createProjectCall'>;
export type UpdateCallBody = Body<'updateProjectCall'>;
export type CreateBrandBody = Body<'createBrand'>;
export type SeriesBody = Body<'addBrandSeries'>;

export {
  optionalProjectFields as optionalFields,
  projectCategories as categories,
  projectLevels as levels,
} from '../../shared/project-lists.js';

export const projectKeys = {
  all: ['projects'] as const,
  library: (f: LibraryFilter) => ['projects', 'library', f] as const,
  detail: (id: string, pub: boolean) => ['projects', pub ? 'public' : 'private', id] as const,
  calls: (open?: boolean) => ['projects', 'calls', open ?? null] as const,
  mine: ['projects', 'mine'] as const,
  staff: (f: StaffFilter) => ['projects', 'staff', f] as const,
  brands: (q: string) => ['projects', 'brands', q] as const,
  brand: (id: string) => ['projects', 'brand', id] as const,
};

const path = (id: string) => ({ params: { path: { id } } });

/** A server label ({ zh, en }) in the language shown now. */
export const pick = (label: { zh: string; en: string }) => (currentLanguage() === 'en' ? label.en : label.zh);
export const yuan = (fen: number) => (fen / 100).toLocaleString('zh-CN', { maximumFractionDigits: 2 });
export const hoursOf = (minutes: number) => Math.round(minutes / 6) / 10;

export function useLibrary(filter: Omit<LibraryFilter, 'cursor'>) {
  return useInfiniteQuery({
    queryKey: projectKeys.library(filter),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(api.GET('/api/v1/public/projects', { params: { query: { ...filter, cursor: pageParam } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useLibraryProject(id: string) {
  return useQuery({
    queryKey: projectKeys.detail(id, true),
    queryFn: () => call(api.GET('/api/v1/public/projects/{id}', path(id))),
    retry: false,
  });
}

export function useProject(id: string | null) {
  return useQuery({
    queryKey: projectKeys.detail(id ?? '', false),
    queryFn: () => call(api.GET('/api/v1/projects/{id}', path(id ?? ''))),
    enabled: Boolean(id),
  });
}

export function useCalls(open?: boolean) {
  return useQuery({
    queryKey: projectKeys.calls(open),
    queryFn: () =>
      call(
        api.GET('/api/v1/project-calls', {
          params: { query: { limit: 100, ...(open === undefined ? {} : { open: open ? 'true' : 'false' }) } },
        }),
      ),
  });
}

export function useCall(id: string | null) {
  return useQuery({
    queryKey: ['projects', 'call', id],
    queryFn: () => call(api.GET('/api/v1/project-calls/{id}', path(id ?? ''))),
    enabled: Boolean(id),
  });
}

export function useMyProjects() {
  return useInfiniteQuery({
    queryKey: projectKeys.mine,
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(api.GET('/api/v1/projects/mine', { params: { query: { limit: 50, cursor: pageParam } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useStaffProjects(filter: Omit<StaffFilter, 'cursor'>) {
  return useInfiniteQuery({
    queryKey: projectKeys.staff(filter),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(api.GET('/api/v1/projects', { params: { query: { ...filter, cursor: pageParam } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useBrands(q = '') {
  return useQuery({
    queryKey: projectKeys.brands(q),
    queryFn: () => call(api.GET('/api/v1/public/brands', { params: { query: { limit: 100, q: q || undefined } } })),
    placeholderData: keepPreviousData,
  });
}

export function useBrand(id: string | null) {
  return useQuery({
    queryKey: projectKeys.brand(id ?? ''),
    queryFn: () => call(api.GET('/api/v1/public/brands/{id}', path(id ?? ''))),
    enabled: Boolean(id),
    retry: false,
  });
}

function useWrite<V, R>(write: (vars: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: write, onSuccess: () => void qc.invalidateQueries({ queryKey: projectKeys.all }) });
}

export const useSaveProject = () =>
  useWrite(({ id, body }: { id?: string; body: CreateProjectBody | UpdateProjectBody }) =>
    id
      ? call(api.PATCH('/api/v1/projects/{id}', { ...path(id), body: body as UpdateProjectBody }))
      : call(api.POST('/api/v1/projects', { body: body as CreateProjectBody })),
  );

export type ReviewStep = 'submit' | 'approve' | 'return' | 'reject' | 'conclude';
export const useProjectStep = () =>
  useWrite(({ id, step, comment }: { id: string; step: ReviewStep; comment?: string }) =>
    call(
      api.POST(`/api/v1/projects/{id}/${step}` as '/api/v1/projects/{id}/approve', {
        ...path(id),
        body: comment ? { comment } : {},
      }),
    ),
  );

export const useSaveCall = () =>
  useWrite(({ id, body }: { id?: string; body: CreateCallBody }) => {
    if (!id) return call(api.POST('/api/v1/project-calls', { body }));
    const { level: _level, regionCode: _region, ...rest } = body;
    return call(api.PATCH('/api/v1/project-calls/{id}', { ...path(id), body: rest }));
  });

export const useCreateBrand = () => useWrite((body: CreateBrandBody) => call(api.POST('/api/v1/brands', { body })));
export const useAddSeries = () =>
  useWrite(({ brandId, body }: { brandId: string; body: SeriesBody }) =>
    call(api.POST('/api/v1/brands/{id}/series', { ...path(brandId), body })),
  );
