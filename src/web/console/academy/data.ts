/** The academy desk's staff queries and writes; the catalogue reads come from the H5 data module. */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../api/client.js';
import type { operations } from '../../api/schema.js';
import { academyKeys } from '../../h5/academy/data.js';

type Body<K extends keyof operations> = operations[K] extends {
  requestBody?: { content: { 'application/json': infer T } };
}
  ? T
  : never;
export type CourseBody = Body<'createAcademyCourse'>;
export type SessionBody = Body<'createAcademySession'>;
export type PartnerBody = Body<'createAcademyPartner'>;

const path = (id: string) => ({ params: { path: { id } } });

export function usePartners() {
  return useQuery({ queryKey: ['academy', 'partners'], queryFn: () => call(api.GET('/api/v1/academy/partners')) });
}

export function useBank(courseId: string) {
  return useQuery({
    queryKey: ['academy', 'bank', courseId],
    queryFn: () => call(api.GET('/api/v1/academy/courses/{id}/questions', path(courseId))),
  });
}

export function useEnrolments(sessionId: string | null) {
  return useQuery({
    queryKey: ['academy', 'enrolments', sessionId],
    queryFn: () => call(api.GET('/api/v1/academy/sessions/{id}/enrolments', path(sessionId ?? ''))),
    enabled: Boolean(sessionId),
  });
}

export function usePendingQualifications() {
  return useInfiniteQuery({
    queryKey: ['academy', 'qualifications', 'pending'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(
        api.GET('/api/v1/academy/qualifications', {
          params: { query: { status: 'pending', limit: 50, cursor: pageParam } },
        }),
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

function useWrite<V, R>(write: (vars: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: write, onSuccess: () => void qc.invalidateQueries({ queryKey: academyKeys.all }) });
}
const key = () => ({ 'Idempotency-Key': crypto.randomUUID() });

export const useSaveCourse = () =>
  useWrite(({ id, body }: { id?: string; body: CourseBody }) =>
    id
      ? call(api.PUT('/api/v1/academy/courses/{id}', { ...path(id), body }))
      : call(api.POST('/api/v1/academy/courses', { body, headers: key() })),
  );
export const useArchiveCourse = () =>
  useWrite(({ id, reason }: { id: string; reason: string }) =>
    call(api.POST('/api/v1/academy/courses/{id}/archive', { ...path(id), body: { reason } })),
  );
export const useAddQuestion = () =>
  useWrite(
    ({ courseId, question }: { courseId: string; question: { prompt: string; options: string[]; answer: number } }) =>
      call(api.POST('/api/v1/academy/courses/{id}/questions', { ...path(courseId), body: { questions: [question] } })),
  );
export const useSaveSession = () =>
  useWrite(({ courseId, id, body }: { courseId: string; id?: string; body: SessionBody }) =>
    id
      ? call(api.PUT('/api/v1/academy/sessions/{id}', { ...path(id), body }))
      : call(api.POST('/api/v1/academy/courses/{id}/sessions', { ...path(courseId), body, headers: key() })),
  );
export const useCancelSession = () =>
  useWrite(({ id, reason }: { id: string; reason: string }) =>
    call(api.POST('/api/v1/academy/sessions/{id}/cancel', { ...path(id), body: { reason } })),
  );
export const useMarkAttendance = () =>
  useWrite(({ sessionId, enrolmentIds }: { sessionId: string; enrolmentIds: string[] }) =>
    call(
      api.POST('/api/v1/academy/sessions/{id}/attendance', {
        ...path(sessionId),
        body: { enrolmentIds },
        headers: key(),
      }),
    ),
  );
export const useVerify = () =>
  useWrite(({ id, decision }: { id: string; decision: 'approve' | 'reject' }) =>
    call(api.POST('/api/v1/academy/qualifications/{id}/verify', { ...path(id), body: { decision } })),
  );
export const useAddPartner = () =>
  useWrite((body: PartnerBody) => call(api.POST('/api/v1/academy/partners', { body, headers: key() })));
