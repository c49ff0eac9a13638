/** The coverage report, its settings and siting proposals (the 15-minute service circle). */
import { useQueryClient } from '@tanstack/react-query';
import { $api, pathKey } from '../../api/queries.js';
import type { operations } from '../../api/schema.js';

type Ok<K extends keyof operations> = operations[K] extends {
  responses: { 200: { content: { 'application/json': infer T } } };
}
  ? T
  : never;
export type CoverageReport = Ok<'getCoverageReport'>;
export type CoverageSettings = Ok<'getCoverageSettings'>;
export type SitingProposal = Ok<'proposeCoverageSites'>;
export type ReportSite = CoverageReport['sites'][number];

export function useCoverageReport(regionCode?: string) {
  return $api.useQuery(
    'get',
    '/api/v1/coverage/report',
    { params: { query: regionCode ? { regionCode } : {} } },
    { staleTime: 60_000 },
  );
}

export function useCoverageSettings() {
  return $api.useQuery('get', '/api/v1/coverage/settings');
}

/** Saving changes the reach, so every report (and proposal) is read again. */
export function useSaveCoverageSettings() {
  const qc = useQueryClient();
  return $api.useMutation('put', '/api/v1/coverage/settings', {
    onSuccess: (saved) => {
      qc.setQueryData($api.queryOptions('get', '/api/v1/coverage/settings').queryKey, saved);
      void qc.invalidateQueries({ queryKey: pathKey('get', '/api/v1/coverage/report') });
    },
  });
}

export function useProposeSites() {
  return $api.useMutation('post', '/api/v1/coverage/siting');
}

export function useImportCandidates() {
  return $api.useMutation('post', '/api/v1/coverage/candidates/imports');
}

/** Importing or clearing the road network changes the reach, so every report is read again. */
export function useImportRoads() {
  const qc = useQueryClient();
  return $api.useMutation('post', '/api/v1/coverage/roads/imports', {
    onSuccess: (r) => {
      if (r.stored) void qc.invalidateQueries({ queryKey: pathKey('get', '/api/v1/coverage/report') });
    },
  });
}

export function useClearRoads() {
  const qc = useQueryClient();
  return $api.useMutation('delete', '/api/v1/coverage/roads', {
    onSuccess: () => void qc.invalidateQueries({ queryKey: pathKey('get', '/api/v1/coverage/report') }),
  });
}

export type CandidateSource = 'cells' | 'imported' | 'both';

export function useSaveProposal() {
  const qc = useQueryClient();
  return $api.useMutation('post', '/api/v1/coverage/proposals', {
    onSuccess: () => void qc.invalidateQueries({ queryKey: pathKey('get', '/api/v1/coverage/report') }),
  });
}

/** The xlsx export of the report as shown (same scope and community). */
export const exportUrl = (regionCode?: string) =>
  `/api/v1/coverage/report.xlsx${regionCode ? `?regionCode=${encodeURIComponent(regionCode)}` : ''}`;

/** Colours of the rollout batches on the map and in the tables: stations and other sites first, then the pilot… */
const batchColours = ['#d4380d', '#1677ff', '#389e0d', '#722ed1', '#08979c', '#c41d7f'];
export const OTHER_SITES_COLOUR = '#8c8c8c';
export const batchColour = (batch: number | null) =>
  batch === null ? OTHER_SITES_COLOUR : (batchColours[(batch - 1) % batchColours.length] as string);

export const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
