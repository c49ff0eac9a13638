/** The probes of the charity sales limits (see text-limits.test.ts). */
import { randomBytes } from 'node:crypto';
import type { TextField } from '../src/shared/text-limits.js';
import type { Fixtures } from './authz/fixtures.js';
import { type Client, demo } from './server.js';
import type { Probe } from './text-limits-hours.js';

type CharityField = Extract<TextField, `charity${string}`>;

const BEIMENWAI = '371002002005';
const key = () => ({ 'idempotency-key': `limits-${randomBytes(8).toString('hex')}` });

export function charityProbes(use: {
  fx: () => Fixtures;
  client: (phone: string) => Promise<Client>;
}): Record<CharityField, Probe> {
  let fundId: string | undefined;
  const fund = async () => {
    fundId ??= (
      await (
        await use.client(demo.instituteAdmin)
      ).post('/api/v1/charity/funds', { name: `限长基金${use.fx().unique()}`, regionCode: '371002002' })
    ).json().id as string;
    return fundId;
  };
  const eventBody = async () => ({
    title: '限长义卖',
    address: '北门外社区广场',
    heldOn: '2026-03-05',
    regionCode: BEIMENWAI,
    fundId: await fund(),
  });
  const newEvent = async () => {
    const keeper = await use.client(demo.keeper);
    return (await keeper.post('/api/v1/charity/events', await eventBody())).json().id as string;
  };
  const stallBody = { name: '限长摊位', holderKind: 'family', holderName: '王家', category: 'books' };
  /** An open event with a stall kept by the demo volunteer. */
  const openStall = async () => {
    const keeper = await use.client(demo.keeper);
    const eventId = await newEvent();
    const stall = await keeper.post(`/api/v1/charity/events/${eventId}/stalls`, {
      ...stallBody,
      keeperPhone: demo.volunteer,
    });
    await keeper.post(`/api/v1/charity/events/${eventId}/open`);
    return stall.json().id as string;
  };
  const keeperOn = (url: Probe['url'], field: string, rest: () => Promise<Record<string, unknown>> | object) => {
    let fixed: Record<string, unknown> = {};
    return {
      as: demo.keeper,
      method: 'POST' as const,
      url: async () => {
        fixed = (await rest()) as Record<string, unknown>;
        return url();
      },
      body: (text: string) => ({ ...fixed, [field]: text }),
      field: `body.${field}`,
    };
  };
  const stallField = (field: string, rest: Record<string, unknown> = {}) =>
    keeperOn(
      async () => `/api/v1/charity/events/${await newEvent()}/stalls`,
      field,
      () => ({
        ...stallBody,
        keeperPhone: demo.volunteer,
        ...rest,
      }),
    );
  const sale = (field: string, rest: Record<string, unknown>): Probe => ({
    as: demo.volunteer,
    method: 'POST',
    url: async () => `/api/v1/charity/stalls/${await openStall()}/sales`,
    body: (text) => ({ amountFen: 100, ...rest, [field]: text }),
    headers: key,
    field: `body.${field}`,
  });
  const beneficiary = (field: string): Probe => ({
    as: demo.keeper,
    method: 'POST',
    url: async () => '/api/v1/charity/beneficiaries',
    body: (text) => ({ name: '限长', regionCode: BEIMENWAI, consent: true, [field]: text }),
    field: `body.${field}`,
  });
  const institute = (field: string, body: (text: string) => Record<string, unknown>): Probe => ({
    as: demo.instituteAdmin,
    method: 'POST',
    url: async () => '/api/v1/charity/funds',
    body,
    field: `body.${field}`,
  });
  return {
    charityTitle: keeperOn(async () => '/api/v1/charity/events', 'title', eventBody),
    charityAddress: keeperOn(async () => '/api/v1/charity/events', 'address', eventBody),
    charityFundName: institute('name', (name) => ({ name, regionCode: '371002002' })),
    charityNote: institute('description', (description) => ({
      name: `限长基金${use.fx().unique()}`,
      regionCode: '371002002',
      description,
    })),
    charityStallName: stallField('name'),
    charityHolderName: stallField('holderName'),
    charityCategoryLabel: stallField('categoryLabel', { category: 'other' }),
    charityItem: sale('item', { method: 'cash' }),
    charityPaymentRef: sale('paymentRef', { method: 'wechat' }),
    charityReason: {
      as: demo.keeper,
      method: 'POST',
      url: async () => {
        const stallId = await openStall();
        const volunteer = await use.client(demo.volunteer);
        const sold = await volunteer.post(
          `/api/v1/charity/stalls/${stallId}/sales`,
          { amountFen: 100, method: 'cash' },
          key(),
        );
        return `/api/v1/charity/sales/${sold.json().id}/reverse`;
      },
      body: (reason) => ({ reason }),
      field: 'body.reason',
    },
    charityBeneficiaryName: beneficiary('name'),
    charitySituation: beneficiary('situation'),
    charityDonorName: {
      as: demo.instituteAdmin,
      method: 'POST',
      url: async () => `/api/v1/charity/funds/${await fund()}/donations`,
      body: (donorName) => ({ amountFen: 100, method: 'cash', donorName }),
      headers: key,
      field: 'body.donorName',
    },
  };
}
