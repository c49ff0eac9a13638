/** Service hours: the volunteer's own summary, records and certificates; staff confirmation and corrections. */
import { keepPreviousData, useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../api/client.js';
import { $api, pathKey, refresh } from '../api/queries.js';
import type { components } from '../api/schema.js';
import './strings.js';

export type ServiceRecord = components['schemas']['ServiceRecord'];
export type HoursCorrection = components['schemas']['HoursCorrection'];
export type Certificate = components['schemas']['Certificate'];

export const useMyHours = () => $api.useQuery('get', '/api/v1/me/hours');

export const useMyRecords = () =>
  $api.useQuery('get', '/api/v1/me/service-records', { params: { query: { status: 'all', limit: 50 } } });

export const useMyCertificates = () => $api.useQuery('get', '/api/v1/me/certificates');

/** A team leader's pending records of the teams they lead (their own left out). */
export const useTeamRecords = () =>
  $api.useQuery('get', '/api/v1/me/team-service-records', { params: { query: { status: 'pending', limit: 100 } } });

/** Whether the caller leads a team (the entry to the team records shows only then). */
export function useLeadsATeam(): boolean {
  const mine = $api.useQuery('get', '/api/v1/me/organisations');
  return mine.data?.items.some((o) => o.role === 'leader') ?? false;
}

export const usePendingRecords = () =>
  $api.useQuery('get', '/api/v1/service-records', { params: { query: { status: 'pending', limit: 200 } } });

export const usePendingCorrections = () =>
  $api.useQuery('get', '/api/v1/hours-corrections', { params: { query: { state: 'pending', limit: 100 } } });

/** Every hours read: a confirmation, rejection or correction changes totals, lists and certificates. */
const hoursKeys = [
  pathKey('get', '/api/v1/me/hours'),
  pathKey('get', '/api/v1/me/service-records'),
  pathKey('get', '/api/v1/me/certificates'),
  pathKey('get', '/api/v1/service-records'),
  pathKey('get', '/api/v1/me/team-service-records'),
  pathKey('get', '/api/v1/hours-corrections'),
  pathKey('get', '/api/v1/certificates'),
];

function useAfterHoursChange() {
  const qc = useQueryClient();
  return { onSuccess: () => refresh(qc, ...hoursKeys) };
}

export const useConfirmRecords = () =>
  $api.useMutation('post', '/api/v1/service-records/confirm', useAfterHoursChange());

export const useRejectRecord = () =>
  $api.useMutation('post', '/api/v1/service-records/{id}/reject', useAfterHoursChange());

export const useApproveCorrection = () =>
  $api.useMutation('post', '/api/v1/hours-corrections/{id}/approve', useAfterHoursChange());

export const useRejectCorrection = () =>
  $api.useMutation('post', '/api/v1/hours-corrections/{id}/reject', useAfterHoursChange());

export const useRequestCertificate = () => $api.useMutation('post', '/api/v1/me/certificates', useAfterHoursChange());

/** Whole hours with one decimal, from minutes. */
export const hours = (minutes: number) => (Math.round(minutes / 6) / 10).toString();

export type CertificateState = Certificate['state'];

/** Staff: certificate requests (or issued, refused, revoked ones) in scope, newest first, 20 a page. */
export function useStaffCertificates(state: CertificateState) {
  return useInfiniteQuery({
    queryKey: [...pathKey('get', '/api/v1/certificates'), state],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      call(api.GET('/api/v1/certificates', { params: { query: { state, limit: 20, cursor: pageParam } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export const useIssueCertificate = () =>
  $api.useMutation('post', '/api/v1/certificates/{id}/issue', useAfterHoursChange());

export const useRefuseCertificate = () =>
  $api.useMutation('post', '/api/v1/certificates/{id}/refuse', useAfterHoursChange());

export const useRevokeCertificate = () =>
  $api.useMutation('post', '/api/v1/certificates/{id}/revoke', useAfterHoursChange());
