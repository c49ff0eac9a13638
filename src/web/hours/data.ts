/** Service hours: the volunteer's own summary, records and certificates; staff confirmation and corrections. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../api/client.js';
import type { components } from '../api/schema.js';
import './strings.js';

export type ServiceRecord = components['schemas']['ServiceRecord'];
export type HoursCorrection = components['schemas']['HoursCorrection'];
export type Certificate = components['schemas']['Certificate'];

const keys = { all: ['hours'] as const };

export const useMyHours = () =>
  useQuery({ queryKey: ['hours', 'me'], queryFn: () => call(api.GET('/api/v1/me/hours')) });

export const useMyRecords = () =>
  useQuery({
    queryKey: ['hours', 'my-records'],
    queryFn: () => call(api.GET('/api/v1/me/service-records', { params: { query: { status: 'all', limit: 50 } } })),
  });

export const useMyCertificates = () =>
  useQuery({ queryKey: ['hours', 'my-certificates'], queryFn: () => call(api.GET('/api/v1/me/certificates')) });

export const usePendingRecords = () =>
  useQuery({
    queryKey: ['hours', 'pending'],
    queryFn: () => call(api.GET('/api/v1/service-records', { params: { query: { status: 'pending', limit: 200 } } })),
  });

export const usePendingCorrections = () =>
  useQuery({
    queryKey: ['hours', 'corrections'],
    queryFn: () => call(api.GET('/api/v1/hours-corrections', { params: { query: { state: 'pending', limit: 100 } } })),
  });

function useHoursWrite<V, R>(write: (vars: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: write, onSuccess: () => qc.invalidateQueries({ queryKey: keys.all }) });
}

export const useConfirmRecords = () =>
  useHoursWrite(({ ids, key }: { ids: string[]; key: string }) =>
    call(api.POST('/api/v1/service-records/confirm', { body: { ids }, headers: { 'Idempotency-Key': key } })),
  );

export const useRejectRecord = () =>
  useHoursWrite(({ id, reason }: { id: string; reason: string }) =>
    call(api.POST('/api/v1/service-records/{id}/reject', { params: { path: { id } }, body: { reason } })),
  );

export const useDecideCorrection = () =>
  useHoursWrite(({ id, decision, key }: { id: string; decision: 'approve' | 'reject'; key: string }) =>
    call(
      decision === 'approve'
        ? api.POST('/api/v1/hours-corrections/{id}/approve', {
            params: { path: { id } },
            body: {},
            headers: { 'Idempotency-Key': key },
          })
        : api.POST('/api/v1/hours-corrections/{id}/reject', {
            params: { path: { id } },
            body: {},
            headers: { 'Idempotency-Key': key },
          }),
    ),
  );

export const useRequestCertificate = () =>
  useHoursWrite((key: string) =>
    call(api.POST('/api/v1/me/certificates', { body: {}, headers: { 'Idempotency-Key': key } })),
  );

/** Whole hours with one decimal, from minutes. */
export const hours = (minutes: number) => (Math.round(minutes / 6) / 10).toString();
