/** Evaluation rounds (评选): the console's rounds and scoring, and the public results. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../api/client.js';
import type { components, operations } from '../api/schema.js';

export type RoundDetail = components['schemas']['EvaluationRoundDetail'];
export type RoundItem = components['schemas']['EvaluationRound'];
export type Results = components['schemas']['EvaluationResults'];
type Body<K extends keyof operations> = operations[K] extends {
  requestBody?: { content: { 'application/json': infer T } };
}
  ? T
  : never;
export type CreateRoundBody = Body<'createEvaluationRound'>;
export type AwardsBody = Body<'setEvaluationAwards'>;

const keys = {
  rounds: ['evaluation', 'rounds'] as const,
  round: (id: string) => ['evaluation', 'round', id] as const,
  results: (id: string) => ['evaluation', 'results', id] as const,
};
const path = (id: string) => ({ params: { path: { id } } });

export const useRounds = () =>
  useQuery({ queryKey: keys.rounds, queryFn: () => call(api.GET('/api/v1/evaluation-rounds')) });
export const useRound = (id: string) =>
  useQuery({ queryKey: keys.round(id), queryFn: () => call(api.GET('/api/v1/evaluation-rounds/{id}', path(id))) });
export const useResults = (id: string) =>
  useQuery({ queryKey: keys.results(id), queryFn: () => call(api.GET('/api/v1/public/evaluations/{id}', path(id))) });
export const usePublishedRounds = () =>
  useQuery({ queryKey: ['evaluation', 'published'], queryFn: () => call(api.GET('/api/v1/public/evaluations')) });
export const resultsXlsxUrl = (id: string) => `/api/v1/public/evaluations/${id}/results.xlsx`;

function useRoundWrite<V>(run: (v: V) => Promise<RoundDetail>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (round) => {
      qc.setQueryData(keys.round(round.id), round);
      void qc.invalidateQueries({ queryKey: keys.rounds });
    },
  });
}

export const useCreateRound = () =>
  useRoundWrite((body: CreateRoundBody) => call(api.POST('/api/v1/evaluation-rounds', { body })));
export const useAssignJudge = (id: string) =>
  useRoundWrite((body: { projectId: string; judgePhone: string }) =>
    call(api.POST('/api/v1/evaluation-rounds/{id}/assignments', { ...path(id), body })),
  );
export const useUnassignJudge = (id: string) =>
  useRoundWrite((v: { projectId: string; judgeId: string }) =>
    call(
      api.DELETE('/api/v1/evaluation-rounds/{id}/projects/{projectId}/judges/{judgeId}', {
        params: { path: { id, projectId: v.projectId, judgeId: v.judgeId } },
      }),
    ),
  );
export const useRoundStep = (id: string) =>
  useRoundWrite((event: 'open' | 'close' | 'publish') =>
    call(
      event === 'open'
        ? api.POST('/api/v1/evaluation-rounds/{id}/open', path(id))
        : event === 'close'
          ? api.POST('/api/v1/evaluation-rounds/{id}/close', path(id))
          : api.POST('/api/v1/evaluation-rounds/{id}/publish', path(id)),
    ),
  );
export const useScore = (id: string) =>
  useRoundWrite((v: { projectId: string; scores: { criterionId: string; score: number }[] }) =>
    call(
      api.PUT('/api/v1/evaluation-rounds/{id}/projects/{projectId}/scores', {
        params: { path: { id, projectId: v.projectId } },
        body: { scores: v.scores },
      }),
    ),
  );
export const useAwards = (id: string) =>
  useRoundWrite((body: AwardsBody) => call(api.PUT('/api/v1/evaluation-rounds/{id}/awards', { ...path(id), body })));
