/** The charity desk's queries (generated `$api` hooks) and writes; every write refetches every charity read. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, call } from '../../api/client.js';
import { $api, keysetPages, refreshUnder } from '../../api/queries.js';
import type { operations } from '../../api/schema.js';
import '../../charity/strings.js';

type Ok<K extends keyof operations> = operations[K]['responses'] extends {
  200: { content: { 'application/json': infer T } };
}
  ? T
  : never;
type Body<K extends keyof operations> = operations[K] extends {
  requestBody?: { content: { 'application/json': infer T } };
}
  ? T
  : never;

export type CharityEvent = Ok<'listCharityEvents'>['items'][number];
export type EventDetail = Ok<'getCharityEvent'>;
export type Sale = Ok<'listCharityEventSales'>['items'][number];
export type Fund = Ok<'listCharityFunds'>['items'][number];
export type BeneficiaryItem = Ok<'listCharityBeneficiaries'>['items'][number];
export type Disbursement = Ok<'listCharityDisbursements'>['items'][number];
export type EventBody = Body<'createCharityEvent'>;
export type StallBody = Body<'addCharityStall'>;
export type FundBody = Body<'createCharityFund'>;
export type BeneficiaryBody = Body<'registerCharityBeneficiary'>;
export type DisbursementBody = Body<'requestCharityDisbursement'>;
export type Donation = Ok<'listCharityDonations'>['items'][number];
export type DonationBody = Body<'recordCharityDonation'>;

const PAGE = 50;
const path = (id: string) => ({ params: { path: { id } } });
const firstPage = { params: { query: { limit: PAGE } } };

export const useFunds = () => $api.useQuery('get', '/api/v1/charity/funds');

export const useEvents = () => $api.useInfiniteQuery('get', '/api/v1/charity/events', firstPage, keysetPages);

export const useEvent = (id: string) =>
  $api.useQuery('get', '/api/v1/charity/events/{id}', path(id), { refetchInterval: 10_000 });

export const useSales = (eventId: string) =>
  $api.useInfiniteQuery(
    'get',
    '/api/v1/charity/events/{id}/sales',
    { params: { path: { id: eventId }, query: { limit: PAGE } } },
    { ...keysetPages, refetchInterval: 10_000 },
  );

export const useBeneficiaries = () =>
  $api.useInfiniteQuery('get', '/api/v1/charity/beneficiaries', firstPage, keysetPages);

export const useDisbursements = () =>
  $api.useInfiniteQuery('get', '/api/v1/charity/disbursements', firstPage, keysetPages);

export const useDonations = () => $api.useInfiniteQuery('get', '/api/v1/charity/donations', firstPage, keysetPages);

/** One beneficiary in full (the server writes the reading to the audit log). */
export const readBeneficiary = (id: string) => call(api.GET('/api/v1/charity/beneficiaries/{id}', path(id)));

function useWrite<V, R>(write: (vars: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: write, onSuccess: () => void refreshUnder(qc, '/api/v1/charity/') });
}

export const useCreateFund = () => useWrite((body: FundBody) => call(api.POST('/api/v1/charity/funds', { body })));
export const useCreateEvent = () => useWrite((body: EventBody) => call(api.POST('/api/v1/charity/events', { body })));
export const useAddStall = () =>
  useWrite(({ id, body }: { id: string; body: StallBody }) =>
    call(api.POST('/api/v1/charity/events/{id}/stalls', { ...path(id), body })),
  );
export const useStepEvent = () =>
  useWrite(({ id, step }: { id: string; step: 'open' | 'publish' }) =>
    step === 'open'
      ? call(api.POST('/api/v1/charity/events/{id}/open', path(id)))
      : call(api.POST('/api/v1/charity/events/{id}/publish', path(id))),
  );
export const useCloseEvent = () =>
  useWrite(({ id, countedCashFen, note }: { id: string; countedCashFen: number; note?: string }) =>
    call(
      api.POST('/api/v1/charity/events/{id}/close', {
        ...path(id),
        body: { countedCashFen, ...(note ? { note } : {}) },
      }),
    ),
  );
export const useReverseSale = () =>
  useWrite(({ id, reason }: { id: string; reason: string }) =>
    call(api.POST('/api/v1/charity/sales/{id}/reverse', { ...path(id), body: { reason } })),
  );
export const useRegisterBeneficiary = () =>
  useWrite((body: BeneficiaryBody) => call(api.POST('/api/v1/charity/beneficiaries', { body })));
export const useRequestDisbursement = () =>
  useWrite((body: DisbursementBody) => call(api.POST('/api/v1/charity/disbursements', { body })));
export const useDisbursementStep = () =>
  useWrite(({ id, step, text }: { id: string; step: 'approve' | 'pay' | 'reject'; text?: string }) =>
    step === 'approve'
      ? call(api.POST('/api/v1/charity/disbursements/{id}/approve', path(id)))
      : step === 'pay'
        ? call(api.POST('/api/v1/charity/disbursements/{id}/pay', { ...path(id), body: { paymentRef: text ?? '' } }))
        : call(api.POST('/api/v1/charity/disbursements/{id}/reject', { ...path(id), body: { reason: text ?? '' } })),
  );
/** A donation with its Idempotency-Key, made once per form so a retried submit is recorded once. */
export const useRecordDonation = () =>
  useWrite(({ fundId, body, key }: { fundId: string; body: DonationBody; key: string }) =>
    call(
      api.POST('/api/v1/charity/funds/{id}/donations', {
        ...path(fundId),
        body,
        headers: { 'Idempotency-Key': key },
      }),
    ),
  );
export const useReverseDonation = () =>
  useWrite(({ id, reason }: { id: string; reason: string }) =>
    call(api.POST('/api/v1/charity/donations/{id}/reverse', { ...path(id), body: { reason } })),
  );
