/**
 * The authorization matrix: for every operation in the OpenAPI document, what each caller gets.
 * The records live in community A (see fixtures.ts); `keeper` and `institute` are its own staff,
 * `foreignKeeper` and `foreignInstitute` hold the same roles elsewhere.
 *
 * Outcomes:
 * - ok: a 2xx (proves the request itself is good, so a refusal of the same request is about access);
 * - open: reaches the handler (anything but 401 and 403); for public routes whose answer depends on input;
 * - refused: a 4xx in the error shape (401, 403, 404, or 400 for an out-of-scope reference) and no table changed;
 * - signIn: 401;
 * - sees: a 2xx that contains the record of community A; unseen: refused, or a 2xx without it.
 * A string instead of an outcome says why the cell is not checked here (and where it is).
 *
 * A new route fails the test until it has a row here.
 */
import { DEMO_PASSWORD } from '../../src/server/demo/seed-demo.js';
import type { Fixtures, Who } from './fixtures.js';
import { COMMUNITY_A, freshPhone } from './fixtures.js';
import { academyRows } from './matrix-academy.js';
import { activityRows } from './matrix-activities.js';
import { charityRows } from './matrix-charity.js';
import { coverageRows } from './matrix-coverage.js';
import { hoursRows } from './matrix-hours.js';
import { orderRows } from './matrix-orders.js';
import { pointsRows } from './matrix-points.js';
import { evaluationRows, projectRows } from './matrix-projects.js';
import { runtimeRows } from './matrix-runtime.js';
import { storeRows } from './matrix-store.js';
import { wishRows } from './matrix-wishes.js';
import { scoped, signedIn, signedInAs } from './who.js';

export type Outcome = 'ok' | 'open' | 'refused' | 'signIn' | 'sees' | 'unseen';
export interface Request {
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
  /** Text whose presence in the answer means community A's record was shown. */
  marker?: string;
}
export interface Row {
  request: (fx: Fixtures, who: Who) => Promise<Request> | Request;
  who: Partial<Record<Who, Outcome | string>>;
}

const SELF = 'acts on the caller’s own account only (its module’s tests)';
/** Staff lists: own staff see community A's record, foreign staff do not. */
const staffList: Row['who'] = {
  anonymous: 'signIn',
  resident: 'refused',
  volunteer: 'refused',
  keeper: 'sees',
  foreignKeeper: 'unseen',
  institute: 'sees',
  foreignInstitute: 'unseen',
  centre: 'sees',
};
/** Reads of one's own things: any signed-in caller. */
const mine = signedIn;
const selfWrite = signedInAs(SELF);
/** Only the person a request or invitation names may act on it; none of the callers here is that person. */
const onlyThatPerson = signedInAs('refused');
const everyone = (outcome: Outcome): Row['who'] => ({ anonymous: outcome });

const site = (fx: Fixtures) => `/api/v1/sites/${fx.siteId}`;
const org = (fx: Fixtures) => `/api/v1/organisations/${fx.organisationId}`;
const family = (fx: Fixtures) => `/api/v1/families/${fx.familyId}`;

export const matrix: Record<string, Row> = {
  'GET /api/health': { request: () => ({ url: '/api/health' }), who: everyone('ok') },

  // accounts
  'POST /api/v1/auth/password-reset': {
    request: () => ({ url: '/api/v1/auth/password-reset', payload: { phone: freshPhone() } }),
    who: everyone('ok'),
  },
  'POST /api/v1/auth/password-reset/confirm': {
    request: () => ({
      url: '/api/v1/auth/password-reset/confirm',
      payload: { phone: freshPhone(), code: '000000', newPassword: 'Matrix-2026-pass' },
    }),
    who: everyone('open'),
  },
  'GET /api/v1/auth/csrf': { request: () => ({ url: '/api/v1/auth/csrf' }), who: everyone('ok') },
  'POST /api/v1/auth/login': {
    request: () => ({ url: '/api/v1/auth/login', payload: { phone: '13800000006', password: DEMO_PASSWORD } }),
    who: everyone('ok'),
  },
  'POST /api/v1/auth/logout': { request: () => ({ url: '/api/v1/auth/logout' }), who: selfWrite },
  'POST /api/v1/auth/password': {
    request: () => ({
      url: '/api/v1/auth/password',
      payload: { currentPassword: 'x', newPassword: 'Matrix-2026-pass' },
    }),
    who: selfWrite,
  },
  'GET /api/v1/me': { request: () => ({ url: '/api/v1/me' }), who: mine },

  // audit
  'GET /api/v1/audit-log': {
    request: (fx) => ({
      url: `/api/v1/audit-log?entityId=${fx.volunteer.volunteerId}`,
      marker: fx.volunteer.volunteerId,
    }),
    who: staffList,
  },

  // regions
  'GET /api/v1/regions': { request: () => ({ url: '/api/v1/regions', marker: COMMUNITY_A }), who: staffList },

  // sites
  'GET /api/v1/public/sites': { request: () => ({ url: '/api/v1/public/sites' }), who: everyone('ok') },
  'GET /api/v1/public/sites/map': { request: () => ({ url: '/api/v1/public/sites/map' }), who: everyone('ok') },
  'GET /api/v1/public/sites/{id}': {
    request: (fx) => ({ url: `/api/v1/public/sites/${fx.siteId}` }),
    who: everyone('ok'),
  },
  'GET /api/v1/public/regions': { request: () => ({ url: '/api/v1/public/regions' }), who: everyone('ok') },
  'GET /api/v1/public/map-config': { request: () => ({ url: '/api/v1/public/map-config' }), who: everyone('ok') },
  'GET /api/v1/sites': {
    request: (fx) => ({ url: `/api/v1/sites?regionCode=${COMMUNITY_A}&limit=100`, marker: fx.siteId }),
    who: staffList,
  },
  'GET /api/v1/sites/{id}': { request: (fx) => ({ url: site(fx) }), who: scoped() },
  'PATCH /api/v1/sites/{id}': {
    request: (fx) => ({ url: site(fx), payload: { openingHours: '周一至周日 8:00-18:00' } }),
    who: scoped(),
  },
  'PATCH /api/v1/sites/{id}/location': {
    request: (fx) => ({ url: `${site(fx)}/location`, payload: { lng: 122.1205, lat: 37.5101 } }),
    who: scoped(),
  },
  'POST /api/v1/sites/{id}/staff': {
    request: async (fx) => ({ url: `${site(fx)}/staff`, payload: { phone: (await fx.newVolunteer()).phone } }),
    who: scoped(),
  },
  'DELETE /api/v1/sites/{id}/staff/{userId}': {
    request: async (fx) => ({ url: `${site(fx)}/staff/${(await fx.newSiteStaff()).userId}` }),
    who: scoped(),
  },

  // volunteers
  'GET /api/v1/volunteer-registration/options': {
    request: () => ({ url: '/api/v1/volunteer-registration/options' }),
    who: everyone('ok'),
  },
  'POST /api/v1/volunteer-registrations/code': {
    request: () => ({ url: '/api/v1/volunteer-registrations/code', payload: { phone: freshPhone() } }),
    who: everyone('ok'),
  },
  'POST /api/v1/volunteer-registrations': {
    request: async (fx) => ({
      url: '/api/v1/volunteer-registrations',
      payload: await fx.withCode({
        name: '矩阵新人',
        phone: freshPhone(),
        password: 'Matrix-2026-pass',
        idNumber: fx.freshIdNumber(),
        regionCode: COMMUNITY_A,
        consent: true,
      }),
    }),
    who: everyone('ok'),
  },
  'GET /api/v1/me/volunteer': { request: () => ({ url: '/api/v1/me/volunteer' }), who: { anonymous: 'signIn' } },
  'POST /api/v1/me/volunteer': { request: () => ({ url: '/api/v1/me/volunteer', payload: {} }), who: selfWrite },
  'PATCH /api/v1/me/volunteer': { request: () => ({ url: '/api/v1/me/volunteer', payload: {} }), who: selfWrite },
  'POST /api/v1/me/volunteer/phone-change': {
    request: () => ({ url: '/api/v1/me/volunteer/phone-change', payload: { newPhone: freshPhone() } }),
    who: selfWrite,
  },
  'POST /api/v1/me/volunteer/phone-change/confirm': {
    request: () => ({
      url: '/api/v1/me/volunteer/phone-change/confirm',
      payload: { requestId: '00000000-0000-4000-8000-000000000000', code: '000000' },
    }),
    who: selfWrite,
  },
  'POST /api/v1/volunteers': {
    request: (fx) => ({
      url: '/api/v1/volunteers',
      payload: {
        name: '矩阵登记',
        phone: freshPhone(),
        idNumber: fx.freshIdNumber(),
        regionCode: COMMUNITY_A,
        consent: true,
      },
    }),
    who: scoped(),
  },
  'GET /api/v1/volunteers': {
    request: (fx) => ({ url: `/api/v1/volunteers?q=${fx.volunteer.phone}`, marker: fx.volunteer.volunteerId }),
    who: staffList,
  },
  'GET /api/v1/volunteers/import-template': {
    request: () => ({ url: '/api/v1/volunteers/import-template' }),
    who: { ...scoped(), foreignKeeper: 'ok', foreignInstitute: 'ok' },
  },
  'POST /api/v1/volunteers/imports': {
    request: (fx) => ({
      url: '/api/v1/volunteers/imports',
      payload: { fileBase64: fx.importTemplate, mode: 'validate' },
    }),
    who: {
      ...scoped(),
      foreignKeeper: 'ok',
      foreignInstitute: 'ok',
    },
  },
  'GET /api/v1/volunteers/export': {
    request: (fx) => ({ url: '/api/v1/volunteers/export', marker: fx.volunteer.phone.slice(-4) }),
    who: {
      ...scoped(),
      foreignKeeper: 'exports the caller’s own scope; rows outside it are checked in volunteer-files.test.ts',
      foreignInstitute: 'exports the caller’s own scope; rows outside it are checked in volunteer-files.test.ts',
    },
  },
  'GET /api/v1/volunteers/{id}': {
    request: (fx) => ({ url: `/api/v1/volunteers/${fx.volunteer.volunteerId}` }),
    who: scoped(),
  },
  'POST /api/v1/volunteers/{id}/reveal-id': {
    request: (fx) => ({ url: `/api/v1/volunteers/${fx.volunteer.volunteerId}/reveal-id` }),
    who: scoped(),
  },
  'POST /api/v1/volunteers/{id}/status': {
    request: async (fx) => ({
      url: `/api/v1/volunteers/${(await fx.newVolunteer()).volunteerId}/status`,
      payload: { status: 'suspended', reason: '矩阵测试' },
    }),
    who: scoped(),
  },
  'PATCH /api/v1/volunteers/{id}': {
    request: async (fx) => ({
      url: `/api/v1/volunteers/${(await fx.newVolunteer()).volunteerId}`,
      payload: { phone: freshPhone(), reason: '矩阵测试' },
    }),
    who: scoped(),
  },

  // station services
  'GET /api/v1/public/sites/{siteId}/services': {
    request: (fx) => ({ url: `/api/v1/public/sites/${fx.siteId}/services` }),
    who: everyone('ok'),
  },
  'GET /api/v1/sites/{siteId}/books': { request: (fx) => ({ url: `${site(fx)}/books` }), who: scoped() },
  'POST /api/v1/sites/{siteId}/books': {
    request: (fx) => ({ url: `${site(fx)}/books`, payload: { title: `矩阵${fx.unique()}` } }),
    who: scoped(),
  },
  'POST /api/v1/sites/{siteId}/books/{bookId}/loans': {
    request: async (fx) => ({
      url: `${site(fx)}/books/${await fx.newBook()}/loans`,
      payload: { phone: '13800000005', name: '李志愿' },
    }),
    who: scoped(),
  },
  'POST /api/v1/sites/{siteId}/books/{bookId}/return': {
    request: async (fx) => ({ url: `${site(fx)}/books/${(await fx.newLentBook()).bookId}/return` }),
    who: scoped(),
  },
  'GET /api/v1/book-loans': {
    request: (fx) => ({ url: `/api/v1/book-loans?siteId=${fx.siteId}&limit=100`, marker: fx.loan.loanId }),
    who: staffList,
  },
  'GET /api/v1/sites/{siteId}/self-help-items': {
    request: (fx) => ({ url: `${site(fx)}/self-help-items` }),
    who: scoped(),
  },
  'POST /api/v1/sites/{siteId}/self-help-items': {
    request: (fx) => ({ url: `${site(fx)}/self-help-items`, payload: { name: `矩阵${fx.unique()}`, quantity: 3 } }),
    who: scoped(),
  },
  'POST /api/v1/sites/{siteId}/self-help-items/{itemId}/take': {
    request: (fx) => ({ url: `${site(fx)}/self-help-items/${fx.itemId}/take`, payload: { quantity: 1 } }),
    who: scoped(),
  },
  'POST /api/v1/sites/{siteId}/self-help-items/{itemId}/restock': {
    request: (fx) => ({ url: `${site(fx)}/self-help-items/${fx.itemId}/restock`, payload: { quantity: 1 } }),
    who: scoped(),
  },
  'GET /api/v1/sites/{siteId}/self-help-items/{itemId}/movements': {
    request: (fx) => ({ url: `${site(fx)}/self-help-items/${fx.itemId}/movements` }),
    who: scoped(),
  },

  // organisations
  'GET /api/v1/organisations': { request: () => ({ url: '/api/v1/organisations' }), who: everyone('ok') },
  'POST /api/v1/organisations': {
    request: (fx) => ({
      url: '/api/v1/organisations',
      payload: { kind: 'team', name: `矩阵队${fx.unique()}`, regionCode: COMMUNITY_A },
    }),
    who: scoped(),
  },
  'GET /api/v1/organisations/{id}': { request: (fx) => ({ url: org(fx) }), who: everyone('ok') },
  'PATCH /api/v1/organisations/{id}': {
    request: (fx) => ({ url: org(fx), payload: { description: `矩阵${fx.unique()}` } }),
    who: scoped(),
  },
  'GET /api/v1/me/organisations': { request: () => ({ url: '/api/v1/me/organisations' }), who: mine },
  'POST /api/v1/organisations/{id}/join': {
    request: (fx) => ({ url: `${org(fx)}/join`, payload: {} }),
    who: selfWrite,
  },
  'GET /api/v1/organisations/{id}/join-requests': {
    request: (fx) => ({ url: `${org(fx)}/join-requests` }),
    who: scoped(),
  },
  'POST /api/v1/organisations/{id}/join-requests/{requestId}/approve': {
    request: async (fx) => ({ url: `${org(fx)}/join-requests/${(await fx.newJoinRequest()).requestId}/approve` }),
    who: scoped(),
  },
  'POST /api/v1/organisations/{id}/join-requests/{requestId}/decline': {
    request: async (fx) => ({
      url: `${org(fx)}/join-requests/${(await fx.newJoinRequest()).requestId}/decline`,
      payload: { reason: '矩阵' },
    }),
    who: scoped(),
  },
  'POST /api/v1/organisations/{id}/join-requests/{requestId}/withdraw': {
    request: async (fx) => ({ url: `${org(fx)}/join-requests/${(await fx.newJoinRequest()).requestId}/withdraw` }),
    who: onlyThatPerson,
  },
  'POST /api/v1/organisations/{id}/invitations': {
    request: async (fx) => ({ url: `${org(fx)}/invitations`, payload: { phone: (await fx.newVolunteer()).phone } }),
    who: scoped(),
  },
  'POST /api/v1/organisations/{id}/invitations/{requestId}/revoke': {
    request: async (fx) => ({ url: `${org(fx)}/invitations/${(await fx.newInvitation()).invitationId}/revoke` }),
    who: scoped(),
  },
  'GET /api/v1/me/invitations': { request: () => ({ url: '/api/v1/me/invitations' }), who: mine },
  'POST /api/v1/me/invitations/{invitationId}/accept': {
    request: async (fx) => ({ url: `/api/v1/me/invitations/${(await fx.newInvitation()).invitationId}/accept` }),
    who: onlyThatPerson,
  },
  'POST /api/v1/me/invitations/{invitationId}/decline': {
    request: async (fx) => ({ url: `/api/v1/me/invitations/${(await fx.newInvitation()).invitationId}/decline` }),
    who: onlyThatPerson,
  },
  'GET /api/v1/organisations/{id}/members': { request: (fx) => ({ url: `${org(fx)}/members` }), who: scoped() },
  'PATCH /api/v1/organisations/{id}/members/{userId}': {
    request: async (fx) => ({ url: `${org(fx)}/members/${(await fx.newMember()).userId}`, payload: { role: 'admin' } }),
    who: scoped(),
  },
  'DELETE /api/v1/organisations/{id}/members/{userId}': {
    request: async (fx) => ({ url: `${org(fx)}/members/${(await fx.newMember()).userId}` }),
    who: scoped(),
  },

  // families
  'POST /api/v1/families': {
    request: async (fx) => ({
      url: '/api/v1/families',
      payload: { name: `矩阵家${fx.unique()}`, regionCode: COMMUNITY_A, headPhone: (await fx.newVolunteer()).phone },
    }),
    who: { ...scoped(), resident: SELF, volunteer: SELF },
  },
  'GET /api/v1/families': {
    request: (fx) => ({ url: `/api/v1/families?regionCode=${COMMUNITY_A}&limit=100`, marker: fx.familyId }),
    who: staffList,
  },
  'GET /api/v1/me/family': { request: () => ({ url: '/api/v1/me/family' }), who: mine },
  'GET /api/v1/families/{id}': { request: (fx) => ({ url: family(fx) }), who: scoped() },
  'POST /api/v1/families/{id}/members': {
    request: async (fx) => ({
      url: `${family(fx)}/members`,
      payload: { phone: (await fx.newVolunteer()).phone, relation: 'other' },
    }),
    who: scoped(),
  },
  'DELETE /api/v1/families/{id}/members/{userId}': {
    request: async (fx) => ({ url: `${family(fx)}/members/${(await fx.newFamilyInvitee()).userId}` }),
    who: scoped(),
  },
  'POST /api/v1/families/{id}/invitation/accept': {
    request: async (fx) => {
      await fx.newFamilyInvitee();
      return { url: `${family(fx)}/invitation/accept` };
    },
    who: onlyThatPerson,
  },
  'POST /api/v1/families/{id}/invitation/decline': {
    request: async (fx) => {
      await fx.newFamilyInvitee();
      return { url: `${family(fx)}/invitation/decline` };
    },
    who: onlyThatPerson,
  },

  // notifications
  'GET /api/v1/me/notification-preferences': {
    request: () => ({ url: '/api/v1/me/notification-preferences' }),
    who: mine,
  },
  'PUT /api/v1/me/notification-preferences': {
    request: () => ({
      url: '/api/v1/me/notification-preferences',
      payload: { topics: [{ topic: 'order', sms: false, wechat: false }] },
    }),
    who: selfWrite,
  },
  'POST /api/v1/me/wechat/authorize': {
    request: () => ({ url: '/api/v1/me/wechat/authorize', payload: {} }),
    who: selfWrite,
  },
  'POST /api/v1/me/wechat': {
    request: () => ({ url: '/api/v1/me/wechat', payload: { code: 'code', state: 'state' } }),
    who: selfWrite,
  },
  'DELETE /api/v1/me/wechat': { request: () => ({ url: '/api/v1/me/wechat' }), who: selfWrite },
  'GET /api/v1/me/notifications': { request: () => ({ url: '/api/v1/me/notifications' }), who: mine },
  'POST /api/v1/me/notifications/{id}/read': {
    request: (fx) => ({ url: `/api/v1/me/notifications/${fx.notificationId}/read` }),
    who: onlyThatPerson,
  },
  'POST /api/v1/me/notifications/read-all': {
    request: () => ({ url: '/api/v1/me/notifications/read-all' }),
    who: selfWrite,
  },

  // files
  'POST /api/v1/files': { request: () => ({ url: '/api/v1/files?purpose=attachment' }), who: selfWrite },
  'GET /api/v1/files/{id}': {
    request: (fx) => ({ url: `/api/v1/files/${fx.orderPhotoId}` }),
    // A photo the resident put on an order of community A: its owner and A's staff.
    who: { ...scoped(), resident: 'ok' },
  },
  'GET /api/v1/files/{id}/content': {
    request: (fx) => ({ url: `/api/v1/files/${fx.fileId}/content` }),
    who: everyone('refused'),
  },

  ...orderRows,
  ...academyRows,
  ...activityRows,
  ...hoursRows,
  ...pointsRows,
  ...runtimeRows,
  ...wishRows,
  ...storeRows,
  'GET /api/v1/volunteer-settings': {
    request: () => ({ url: '/api/v1/volunteer-settings' }),
    // The tenant's registration ages: every staff member reads them, whatever their scope.
    who: { ...scoped(), foreignKeeper: 'ok', foreignInstitute: 'ok' },
  },
  'PUT /api/v1/volunteer-settings': {
    request: () => ({ url: '/api/v1/volunteer-settings', payload: { adultAge: 18, minAgeOnOwn: 8 } }),
    who: { ...scoped('refused'), centre: 'ok' },
  },
  ...coverageRows,
  ...projectRows,
  ...evaluationRows,
  ...charityRows,
};
