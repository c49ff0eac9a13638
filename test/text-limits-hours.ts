/** The probes of the service-hours and certificate limits (see text-limits.test.ts). */
import { recordService } from '../src/server/modules/hours/index.js';
import type { TextField } from '../src/shared/text-limits.js';
import type { Fixtures } from './authz/fixtures.js';
import { type Client, demo, type TestContext } from './server.js';

type HoursField = Extract<
  TextField,
  | 'hoursRejectReason'
  | 'hoursCorrectionReason'
  | 'hoursDecisionNote'
  | 'certificatePurpose'
  | 'certificateOrganisation'
  | 'certificatePersonInCharge'
  | 'certificateContact'
  | 'certificateRevokeReason'
  | 'certificateRefuseReason'
>;

/** One limit's probe: who sends what where, and the field the refusal names. */
export interface Probe {
  as: string;
  method: 'POST' | 'PATCH' | 'PUT';
  /** The URL; may look up the record it changes. */
  url: () => Promise<string>;
  body: (text: string) => Record<string, unknown>;
  /** Headers of each request (e.g. a fresh Idempotency-Key). */
  headers?: () => Record<string, string>;
  /** The field the error names. */
  field: string;
}

const issue = { organisation: '北门外社区新时代文明实践站', personInCharge: '王站长', contact: '0631-5201234' };

export function hoursProbes(use: {
  t: () => TestContext;
  fx: () => Fixtures;
  client: (phone: string) => Promise<Client>;
}): Record<HoursField, Probe> {
  /** A new volunteer of community A with one service record, pending or confirmed by the keeper. */
  const withRecord = async (confirmed: boolean) => {
    const person = await use.fx().newVolunteer();
    const { record } = await recordService(use.t().database.db, {
      tenantId: '371002',
      volunteerUserId: person.userId,
      source: { type: 'manual', id: `limits-${use.fx().unique()}` },
      regionCode: '371002002005',
      content: '限长记录',
      minutes: 60,
    });
    if (confirmed) await (await use.client(demo.keeper)).post('/api/v1/service-records/confirm', { ids: [record.id] });
    return { person, recordId: record.id };
  };
  const requested = async () => {
    const { person } = await withRecord(true);
    const request = (await (await person.signIn()).post('/api/v1/me/certificates', {})).json();
    return `/api/v1/certificates/${request.id}`;
  };
  const keeper = (url: Probe['url'], key: string, rest: Record<string, unknown> = {}): Probe => ({
    as: demo.keeper,
    method: 'POST',
    url,
    body: (text) => ({ ...rest, [key]: text }),
    field: `body.${key}`,
  });
  const issueField = (key: keyof typeof issue) => keeper(async () => `${await requested()}/issue`, key, issue);
  return {
    hoursRejectReason: keeper(
      async () => `/api/v1/service-records/${(await withRecord(false)).recordId}/reject`,
      'reason',
    ),
    hoursCorrectionReason: keeper(
      async () => `/api/v1/service-records/${(await withRecord(true)).recordId}/corrections`,
      'reason',
      { minutes: 30 },
    ),
    hoursDecisionNote: {
      as: demo.centreAdmin,
      method: 'POST',
      url: async () => {
        const { recordId } = await withRecord(true);
        const keeperClient = await use.client(demo.keeper);
        const asked = await keeperClient.post(`/api/v1/service-records/${recordId}/corrections`, {
          minutes: 30,
          reason: '限长更正',
        });
        return `/api/v1/hours-corrections/${asked.json().id}/reject`;
      },
      body: (note) => ({ note }),
      field: 'body.note',
    },
    certificatePurpose: {
      as: demo.volunteer,
      method: 'POST',
      url: async () => '/api/v1/me/certificates',
      body: (purpose) => ({ purpose }),
      field: 'body.purpose',
    },
    certificateOrganisation: issueField('organisation'),
    certificatePersonInCharge: issueField('personInCharge'),
    certificateContact: issueField('contact'),
    certificateRevokeReason: keeper(async () => {
      const url = await requested();
      await (await use.client(demo.keeper)).post(`${url}/issue`, issue);
      return `${url}/revoke`;
    }, 'reason'),
    certificateRefuseReason: keeper(async () => `${await requested()}/refuse`, 'reason'),
  };
}
