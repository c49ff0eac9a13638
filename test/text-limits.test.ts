/**
 * Every declared free-text limit (src/shared/text-limits.ts) holds on the server: exactly the limit
 * is accepted, one more is refused with a 400 naming the field. The web's counters use the same
 * declaration, so what a counter allows is what the server takes. A new limit without a probe here
 * fails to compile.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TextField, textLimits } from '../src/shared/text-limits.js';
import { type Fixtures, makeFixtures } from './authz/fixtures.js';
import { anonymous, type Client, createTestApp, demo, signIn, type TestContext } from './server.js';
import { charityProbes } from './text-limits-charity.js';
import { evaluationProbes } from './text-limits-evaluation.js';
import { hoursProbes, type Probe } from './text-limits-hours.js';

let t: TestContext;
let fx: Fixtures;
beforeAll(async () => {
  t = await createTestApp();
  fx = await makeFixtures(t);
});
afterAll(() => t.close());

// Found once: the siteName probe renames it.
let site: string | undefined;
const siteUrl = async () => {
  if (!site) {
    const res = await anonymous(t.app).get('/api/v1/public/sites/map');
    site = `/api/v1/sites/${res.json().items.find((p: { name: string }) => p.name === '大世界雷锋岗').id}`;
  }
  return site;
};
const teamUrl = async () => {
  const res = await anonymous(t.app).get(`/api/v1/organisations?q=${encodeURIComponent('鲸园蓝志愿服务队')}`);
  return `/api/v1/organisations/${res.json().items[0].id}`;
};
const HOUR = 3600_000;
const order = (fields: Record<string, unknown>) => ({
  categoryCode: 'convenience',
  title: '帮忙换灯泡',
  regionCode: '371002002005',
  address: '北门外社区 7 号楼',
  windowStart: new Date(Date.now() + 24 * HOUR).toISOString(),
  windowEnd: new Date(Date.now() + 26 * HOUR).toISOString(),
  ...fields,
});
const me = async () => '/api/v1/me/volunteer';
const orderIn = (state: Parameters<Fixtures['newOrder']>[0], action: string) => async () =>
  `/api/v1/orders/${await fx.newOrder(state)}/${action}`;
const activity = async (publish = false) => {
  const start = new Date(Date.now() + 3 * 24 * HOUR);
  start.setUTCHours(1, 0, 0, 0);
  const made = await (await client(demo.centreAdmin)).post('/api/v1/activities', {
    title: `限长活动${fx.unique()}`,
    categoryCode: 'environment',
    organisationId: fx.organisationId,
    siteId: fx.siteId,
    startsAt: start.toISOString(),
    endsAt: new Date(start.getTime() + 2 * HOUR).toISOString(),
    quota: 20,
  });
  const id = made.json().id as string;
  if (publish) await (await client(demo.centreAdmin)).post(`/api/v1/activities/${id}/publish`);
  return `/api/v1/activities/${id}`;
};
const menuItem = async () => {
  const res = await anonymous(t.app).get('/api/v1/public/menu-items');
  return `/api/v1/menu-items/${res.json().items[0].id}`;
};
const wish = (fields: Record<string, unknown>) => ({
  title: '一副老花镜',
  regionCode: '371002002005',
  address: '北门外社区 7 号楼',
  deadline: new Date(Date.now() + 7 * 24 * HOUR).toISOString(),
  ...fields,
});
const resident = (key: string, body: (text: string) => Record<string, unknown>): Probe => ({
  as: demo.resident,
  method: 'POST',
  url: async () => '/api/v1/wishes',
  body,
  field: `body.${key}`,
});
/** A wish of 北门外社区 waiting for its keeper's review. */
const placedWish = async () => {
  const res = await (await client(demo.resident)).post('/api/v1/wishes', wish({}));
  return `/api/v1/wishes/${res.json().id}`;
};
const fxSite = async () => `/api/v1/sites/${fx.siteId}`;
/** A probe by the centre admin, the body's other fields fixed. */
const centre = (
  method: Probe['method'],
  url: Probe['url'],
  key: string,
  rest: Record<string, unknown> = {},
): Probe => ({
  as: demo.centreAdmin,
  method,
  url,
  body: (text) => ({ ...rest, [key]: text }),
  field: `body.${key}`,
});

/** A course of the academy for the question and session probes (made once). */
let academyCourse: string | undefined;
const courseUrl = async () => {
  academyCourse ??= (
    await (
      await client(demo.centreAdmin)
    ).post('/api/v1/academy/courses', {
      regionCode: '371002',
      category: 'skills',
      title: `限长课程${fx.unique()}`,
    })
  ).json().id as string;
  return `/api/v1/academy/courses/${academyCourse}`;
};
const session = (capacity: number) => ({
  regionCode: '371002',
  startsAt: new Date(Date.now() + 48 * HOUR).toISOString(),
  endsAt: new Date(Date.now() + 50 * HOUR).toISOString(),
  capacity,
});
const newSession = async () =>
  (
    await (await client(demo.centreAdmin)).post(`${await courseUrl()}/sessions`, { ...session(10), place: '限长场地' })
  ).json().id as string;
const partner = () => ({ name: `限长机构${fx.unique()}`, kind: 'association' });
const academyCourseBody = { regionCode: '371002', category: 'skills', title: '限长课程' };
const question = (prompt: string, option: string) => ({ questions: [{ prompt, options: [option, '否'], answer: 0 }] });

/** A proof scan uploaded by the centre admin, for recording a qualification obtained elsewhere. */
let proofFileId = '';
const qualificationsUrl = async () => {
  const res = await (await client(demo.centreAdmin)).request({
    method: 'POST',
    url: '/api/v1/files?purpose=attachment',
    payload: Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from(fx.unique()), Buffer.from('\n%%EOF\n')]),
    headers: { 'content-type': 'application/octet-stream' },
  });
  proofFileId = res.json().id;
  return '/api/v1/academy/qualifications';
};
const externalQualification = () => ({
  volunteerId: fx.volunteer.volunteerId,
  skillCode: 'health',
  issuedAt: '2025-01-01T00:00:00+08:00',
  proofFileId,
});
/** A qualification the centre admin records, for 鲸园街道's admin to reject with a reason. */
const pendingQualificationUrl = async () => {
  const url = await qualificationsUrl();
  const res = await (await client(demo.centreAdmin)).post(url, { ...externalQualification(), issuer: '限长发证机构' });
  return `/api/v1/academy/qualifications/${res.json().id}/verify`;
};
// A call, a draft of the demo team (the org admin edits it) and a submitted project (鲸园街道 reviews it).
const callBody = (fields: Record<string, unknown> = {}) => ({
  title: '限长征集',
  level: 'subdistrict',
  regionCode: '371002',
  year: 2026,
  opensAt: new Date(Date.now() - 24 * HOUR).toISOString(),
  closesAt: new Date(Date.now() + 30 * 24 * HOUR).toISOString(),
  ...fields,
});
const projectOf = async (submitted: boolean) => {
  const call = (await (await client(demo.centreAdmin)).post('/api/v1/project-calls', callBody())).json();
  const teamId = (await teamUrl()).split('/').pop();
  const org = await client(demo.orgAdmin);
  const body = {
    callId: call.id,
    organisationId: teamId,
    name: '限长项目',
    category: 'other',
    contactName: '队长',
    contactPhone: '13800000004',
  };
  const made = (await org.post('/api/v1/projects', body)).json();
  if (submitted) await org.post(`/api/v1/projects/${made.id}/submit`, {});
  return `/api/v1/projects/${made.id}`;
};
let draftUrl: string | undefined;
const projectDraft = async () => {
  draftUrl ??= await projectOf(false);
  return draftUrl;
};
const draftProbe = (key: string): Probe => ({
  as: demo.orgAdmin,
  method: 'PATCH',
  url: projectDraft,
  body: (text) => ({ [key]: text }),
  field: `body.${key}`,
});
let brandUrl: string | undefined;
const brand = async () => {
  brandUrl ??= `/api/v1/brands/${(await (await client(demo.centreAdmin)).post('/api/v1/brands', { name: '限长品牌', organisationId: fx.organisationId })).json().id}`;
  return brandUrl;
};

/** The volunteer the points award probe asks for (made once). */
let adjustedVolunteer: string | undefined;

const probes: Record<TextField, Probe> = {
  pointsAdjustmentReason: {
    as: demo.centreAdmin,
    method: 'POST',
    url: async () => {
      adjustedVolunteer ??= (await fx.newVolunteer()).volunteerId;
      return '/api/v1/points/adjustments';
    },
    body: (reason) => ({ volunteerId: adjustedVolunteer, direction: 'award', points: 1, reason }),
    field: 'body.reason',
  },
  volunteerIntro: { as: demo.volunteer, method: 'PATCH', url: me, body: (intro) => ({ intro }), field: 'body.intro' },
  volunteerAddress: {
    as: demo.volunteer,
    method: 'PATCH',
    url: me,
    body: (address) => ({ address }),
    field: 'body.address',
  },
  siteName: { as: demo.centreAdmin, method: 'PATCH', url: siteUrl, body: (name) => ({ name }), field: 'body.name' },
  siteAddress: {
    as: demo.centreAdmin,
    method: 'PATCH',
    url: siteUrl,
    body: (address) => ({ address }),
    field: 'body.address',
  },
  siteOpeningHours: {
    as: demo.centreAdmin,
    method: 'PATCH',
    url: siteUrl,
    body: (openingHours) => ({ openingHours }),
    field: 'body.openingHours',
  },
  siteDescription: {
    as: demo.centreAdmin,
    method: 'PATCH',
    url: siteUrl,
    body: (description) => ({ description }),
    field: 'body.description',
  },
  organisationDescription: {
    as: demo.orgAdmin,
    method: 'PATCH',
    url: teamUrl,
    body: (description) => ({ description }),
    field: 'body.description',
  },
  joinMessage: {
    as: demo.volunteer,
    method: 'POST',
    url: async () => `${await teamUrl()}/join`,
    body: (message) => ({ message }),
    field: 'body.message',
  },
  orderTitle: {
    as: demo.resident,
    method: 'POST',
    url: async () => '/api/v1/orders',
    body: (title) => order({ title }),
    field: 'body.title',
  },
  orderDescription: {
    as: demo.resident,
    method: 'POST',
    url: async () => '/api/v1/orders',
    body: (description) => order({ description }),
    field: 'body.description',
  },
  orderAddress: {
    as: demo.resident,
    method: 'POST',
    url: async () => '/api/v1/orders',
    body: (address) => order({ address }),
    field: 'body.address',
  },
  orderContactName: {
    as: demo.resident,
    method: 'POST',
    url: async () => '/api/v1/orders',
    body: (contactName) => order({ contactName }),
    field: 'body.contactName',
  },
  orderReason: {
    as: demo.resident,
    method: 'POST',
    url: orderIn('submitted', 'cancel'),
    body: (reason) => ({ reason }),
    field: 'body.reason',
  },
  orderDispatchNote: {
    as: demo.keeper,
    method: 'POST',
    url: orderIn('reviewed', 'dispatch'),
    body: (note) => ({ target: { kind: 'open' }, note }),
    field: 'body.note',
  },
  orderSummary: {
    as: demo.volunteer,
    method: 'POST',
    url: orderIn('in_service', 'complete'),
    body: (summary) => ({ summary }),
    field: 'body.summary',
  },
  orderCheckInNote: {
    as: demo.volunteer,
    method: 'POST',
    url: orderIn('accepted', 'check-in'),
    body: (note) => ({ note }),
    field: 'body.note',
  },
  ratingComment: {
    as: demo.resident,
    method: 'POST',
    url: orderIn('completed', 'rate'),
    body: (comment) => ({ stars: 5, comment }),
    field: 'body.comment',
  },
  activityTitle: centre('PATCH', () => activity(), 'title'),
  activityDescription: centre('PATCH', () => activity(), 'description'),
  activityAddress: centre('PATCH', () => activity(), 'address'),
  activitySeries: centre('PATCH', () => activity(), 'series'),
  activityContactName: centre('PATCH', () => activity(), 'contactName'),
  activityReason: centre('POST', async () => `${await activity(true)}/cancel`, 'reason'),
  serviceCategoryName: centre('PUT', async () => `/api/v1/service-categories/limits_${Date.now()}`, 'name', {
    nameEn: 'Limits',
  }),
  serviceCategoryNameEn: centre('PUT', async () => `/api/v1/service-categories/limits_${Date.now()}`, 'nameEn', {
    name: '限长',
  }),
  menuItemTitle: centre('PATCH', menuItem, 'title'),
  menuItemDescription: centre('PATCH', menuItem, 'description'),
  menuItemProjectName: centre('PATCH', menuItem, 'projectName'),
  bookTitle: centre('POST', async () => `${await fxSite()}/books`, 'title'),
  bookAuthor: centre('POST', async () => `${await fxSite()}/books`, 'author', { title: '雷锋日记' }),
  bookDonor: centre('POST', async () => `${await fxSite()}/books`, 'donor', { title: '雷锋日记' }),
  borrowerName: centre('POST', async () => `${await fxSite()}/books/${await fx.newBook()}/loans`, 'name', {
    phone: demo.volunteer,
  }),
  selfHelpItemName: centre('POST', async () => `${await fxSite()}/self-help-items`, 'name'),
  selfHelpItemUnit: centre('POST', async () => `${await fxSite()}/self-help-items`, 'unit', { name: '雨伞' }),
  selfHelpMoveNote: centre('POST', async () => `${await fxSite()}/self-help-items/${fx.itemId}/restock`, 'note', {
    quantity: 1,
  }),
  siteStaffTitle: {
    as: demo.centreAdmin,
    method: 'POST',
    url: async () => `${await fxSite()}/staff`,
    // One person per probe: the refused request adds nobody, so the same phone is new to the accepted one.
    body: (title) => ({ phone: staffPhone, title }),
    field: 'body.title',
  },
  statusReason: centre(
    'POST',
    async () => `/api/v1/volunteers/${(await fx.newVolunteer()).volunteerId}/status`,
    'reason',
    { status: 'suspended' },
  ),
  correctionReason: centre(
    'PATCH',
    async () => `/api/v1/volunteers/${(await fx.newVolunteer()).volunteerId}`,
    'reason',
    {
      name: '王更正',
    },
  ),
  joinDeclineReason: centre(
    'POST',
    async () =>
      `/api/v1/organisations/${fx.organisationId}/join-requests/${(await fx.newJoinRequest()).requestId}/decline`,
    'reason',
  ),
  // The fixtures' team, not the demo team the other probes find by name.
  organisationName: centre('PATCH', async () => `/api/v1/organisations/${fx.organisationId}`, 'name'),
  familyName: {
    as: demo.centreAdmin,
    method: 'POST',
    url: async () => {
      familyHead = (await fx.newVolunteer()).phone;
      return '/api/v1/families';
    },
    body: (name) => ({ name, regionCode: '371002002005', headPhone: familyHead }),
    field: 'body.name',
  },
  invitationMessage: {
    as: demo.centreAdmin,
    method: 'POST',
    url: async () => {
      invitee = (await fx.newVolunteer()).phone;
      return `/api/v1/organisations/${fx.organisationId}/invitations`;
    },
    body: (message) => ({ phone: invitee, message }),
    field: 'body.message',
  },
  wishTitle: resident('title', (title) => wish({ title })),
  wishDescription: resident('description', (description) => wish({ description })),
  wishAddress: resident('address', (address) => wish({ address })),
  wishName: resident('contactName', (contactName) => wish({ contactName })),
  wishMessage: {
    as: demo.keeper,
    method: 'POST',
    url: async () => `${await placedWish()}/reject`,
    body: (reason) => ({ reason }),
    field: 'body.reason',
  },
  ...hoursProbes({ t: () => t, fx: () => fx, client: (phone) => client(phone) }),
  academyPartnerName: centre('POST', async () => '/api/v1/academy/partners', 'name', { kind: 'college' }),
  academyPartnerDescription: {
    as: demo.centreAdmin,
    method: 'POST',
    url: async () => '/api/v1/academy/partners',
    body: (description) => ({ ...partner(), description }),
    field: 'body.description',
  },
  academyCourseTitle: centre('POST', async () => '/api/v1/academy/courses', 'title', {
    regionCode: '371002',
    category: 'skills',
  }),
  academyCourseDescription: centre('POST', async () => '/api/v1/academy/courses', 'description', academyCourseBody),
  academyTeacher: {
    as: demo.centreAdmin,
    method: 'POST',
    url: async () => '/api/v1/academy/courses',
    body: (teacher) => ({ ...academyCourseBody, teachers: [teacher] }),
    field: 'body.teachers.0',
  },
  academyMaterialTitle: {
    as: demo.centreAdmin,
    method: 'POST',
    url: async () => '/api/v1/academy/courses',
    body: (title) => ({ ...academyCourseBody, materials: [{ kind: 'video', url: 'https://v.example.cn/1', title }] }),
    field: 'body.materials.0.title',
  },
  academyQuestionPrompt: {
    as: demo.centreAdmin,
    method: 'POST',
    url: async () => `${await courseUrl()}/questions`,
    body: (prompt) => question(prompt, '是'),
    field: 'body.questions.0.prompt',
  },
  academyQuestionOption: {
    as: demo.centreAdmin,
    method: 'POST',
    url: async () => `${await courseUrl()}/questions`,
    body: (option) => question('限长题', option),
    field: 'body.questions.0.options.0',
  },
  academySessionPlace: centre('POST', async () => `${await courseUrl()}/sessions`, 'place', session(10)),
  academyCancelReason: centre('POST', async () => `/api/v1/academy/sessions/${await newSession()}/cancel`, 'reason'),
  academyIssuer: {
    as: demo.centreAdmin,
    method: 'POST',
    url: qualificationsUrl,
    body: (issuer) => ({ ...externalQualification(), issuer }),
    field: 'body.issuer',
  },
  academyCertificateNo: {
    as: demo.centreAdmin,
    method: 'POST',
    url: qualificationsUrl,
    body: (certificateNo) => ({ ...externalQualification(), certificateNo, issuer: '限长发证机构' }),
    field: 'body.certificateNo',
  },
  academyRejectReason: {
    as: demo.instituteAdmin,
    method: 'POST',
    url: pendingQualificationUrl,
    body: (reason) => ({ decision: 'reject', reason }),
    field: 'body.reason',
  },
  projectName: draftProbe('name'),
  projectSummary: draftProbe('objectives'),
  projectPlan: draftProbe('plan'),
  projectContactName: draftProbe('contactName'),
  projectReviewComment: {
    as: demo.instituteAdmin,
    method: 'POST',
    url: async () => `${await projectOf(true)}/return`,
    body: (comment) => ({ comment }),
    field: 'body.comment',
  },
  projectCallTitle: centre('POST', async () => '/api/v1/project-calls', 'title', callBody()),
  projectCallDescription: centre('POST', async () => '/api/v1/project-calls', 'description', callBody()),
  brandName: {
    as: demo.centreAdmin,
    method: 'POST',
    url: async () => '/api/v1/brands',
    body: (name) => ({ name, organisationId: fx.organisationId }),
    field: 'body.name',
  },
  brandDescription: {
    as: demo.centreAdmin,
    method: 'POST',
    url: async () => '/api/v1/brands',
    body: (description) => ({ name: '限长品牌', description, organisationId: fx.organisationId }),
    field: 'body.description',
  },
  brandSeriesName: centre('POST', async () => `${await brand()}/series`, 'name'),
  ...charityProbes({ fx: () => fx, client: (phone) => client(phone) }),
  ...evaluationProbes({
    client: (phone) => client(phone),
    teamId: async () => (await teamUrl()).split('/').pop() as string,
  }),
  coverageProposalName: centre('POST', async () => '/api/v1/coverage/proposals', 'name', { n: 1 }),
};
let invitee = '';
let familyHead = '';
let staffPhone = '';

const headersOf = (probe: Probe) => (probe.headers ? { headers: probe.headers() } : {});

const clients = new Map<string, Client>();
const client = async (phone: string) => {
  const existing = clients.get(phone);
  if (existing) return existing;
  const c = await signIn(t.app, phone);
  clients.set(phone, c);
  return c;
};

describe('free-text limits agree between server and web', () => {
  it.each(Object.entries(textLimits) as [TextField, number][])(
    '%s: %i characters pass, one more is refused',
    async (name, limit) => {
      const probe = probes[name];
      const c = await client(probe.as);
      if (name === 'siteStaffTitle') staffPhone = (await fx.newVolunteer()).phone;
      const url = await probe.url();
      // One over first: a refused request changes nothing, so creating requests (join) still succeed after.
      const over = await c.request({
        method: probe.method,
        url,
        payload: probe.body('字'.repeat(limit + 1)) as never,
        ...headersOf(probe),
      });
      expect(over.statusCode, over.body).toBe(400);
      const error = over.json().error;
      expect(error.code).toBe('VALIDATION_FAILED');
      expect(error.details.map((d: { field: string }) => d.field)).toEqual([probe.field]);

      const exact = await c.request({
        method: probe.method,
        url,
        payload: probe.body('字'.repeat(limit)) as never,
        ...headersOf(probe),
      });
      expect(exact.statusCode, exact.body).toBeLessThan(300);
    },
  );
});
