/**
 * The people and records the authorization matrix works on. Everything belongs to community A
 * (北门外社区 371002002005, in 鲸园街道 371002002). Foreign staff hold the same roles elsewhere: a
 * keeper of a sibling community of the same subdistrict (the closest neighbour) and an institute
 * admin of another subdistrict. Records that a request uses up (a join request to approve, a book
 * to lend) are made fresh for every request by the centre admin.
 */
import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { DEMO_PASSWORD } from '../../src/server/demo/seed-demo.js';
import { checkCharacter } from '../../src/shared/id-card.js';
import { makeUser } from '../people.js';
import { anonymous, type Client, demo, signIn, type TestContext } from '../server.js';
import { withRegistrationCode } from '../sms.js';

export const COMMUNITY_A = '371002002005';
export const SUBDISTRICT_A = '371002002';
const SIBLING_COMMUNITY = '371002002001';
const OTHER_SUBDISTRICT = '371002001';

export const actors = [
  'anonymous',
  'resident',
  'volunteer',
  'keeper',
  'foreignKeeper',
  'institute',
  'foreignInstitute',
  'centre',
] as const;
export type Who = (typeof actors)[number];

let serial = 0;
const unique = () => `${process.pid % 1000}-${++serial}-${randomBytes(2).toString('hex')}`;

/** A valid ID number that no other call returns (born 1985-06-15 in 环翠区). */
function freshIdNumber(): string {
  serial += 1;
  const first17 = `371002${1960 + (serial % 40)}0615${String((process.pid + serial * 7) % 1000).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}

let phoneSerial = 0;
/** A phone number no account has (176…), for registrations. */
export const freshPhone = () =>
  `176${String(process.pid % 10000).padStart(4, '0')}${String(++phoneSerial).padStart(4, '0')}`;

export async function makeFixtures(t: TestContext) {
  const clients = {} as Record<Exclude<Who, 'anonymous'>, Client>;
  clients.resident = await signIn(t.app, demo.resident);
  clients.volunteer = await signIn(t.app, demo.volunteer);
  clients.keeper = await signIn(t.app, demo.keeper);
  clients.institute = await signIn(t.app, demo.instituteAdmin);
  clients.centre = await signIn(t.app, demo.centreAdmin);
  const foreignKeeper = await makeUser(t.database, {
    grants: [{ role: 'station_keeper', regionCode: SIBLING_COMMUNITY }],
  });
  const foreignInstitute = await makeUser(t.database, {
    grants: [{ role: 'institute_admin', regionCode: OTHER_SUBDISTRICT }],
  });
  clients.foreignKeeper = await signIn(t.app, foreignKeeper.phone);
  clients.foreignInstitute = await signIn(t.app, foreignInstitute.phone);
  /** Anonymous callers get a fresh cookie jar each time, so nobody's session leaks into them. */
  const client = (who: Who): Client => (who === 'anonymous' ? anonymous(t.app) : clients[who]);
  const centre = clients.centre;

  const ok = async <T>(res: Promise<{ statusCode: number; body: string; json(): unknown }>, what: string) => {
    const r = await res;
    if (r.statusCode >= 300) throw new Error(`fixture ${what}: ${r.statusCode} ${r.body.slice(0, 300)}`);
    return r.json() as T;
  };

  const sites = await ok<{ items: { id: string; name: string; regionCode: string }[] }>(
    anonymous(t.app).get('/api/v1/public/sites/map'),
    'site map',
  );
  const site = sites.items.find((s) => s.name === '大世界雷锋岗');
  if (!site) throw new Error('demo site missing');

  /** A volunteer of community A with an account, signed in on demand. */
  async function newVolunteer() {
    const user = await makeUser(t.database);
    const page = await ok<{ items: { id: string }[] }>(centre.get(`/api/v1/volunteers?q=${user.phone}`), 'volunteer');
    const volunteerId = page.items[0]?.id;
    if (!volunteerId) throw new Error('new volunteer not listed');
    return { userId: user.id, phone: user.phone, volunteerId, signIn: () => signIn(t.app, user.phone, DEMO_PASSWORD) };
  }

  const organisationId = (
    await ok<{ id: string }>(
      centre.post('/api/v1/organisations', {
        kind: 'team',
        name: `北门外矩阵队${unique()}`,
        regionCode: COMMUNITY_A,
        joinMode: 'approval',
      }),
      'organisation',
    )
  ).id;

  async function newJoinRequest() {
    const person = await newVolunteer();
    const joined = await ok<{ requestId: string }>(
      (await person.signIn()).post(`/api/v1/organisations/${organisationId}/join`, { message: '想加入' }),
      'join',
    );
    return { ...person, requestId: joined.requestId };
  }

  async function newMember() {
    const request = await newJoinRequest();
    await ok(
      centre.post(`/api/v1/organisations/${organisationId}/join-requests/${request.requestId}/approve`),
      'approve',
    );
    return request;
  }

  async function newInvitation() {
    const person = await newVolunteer();
    const invitation = await ok<{ id: string }>(
      centre.post(`/api/v1/organisations/${organisationId}/invitations`, { phone: person.phone }),
      'invitation',
    );
    return { ...person, invitationId: invitation.id };
  }

  const head = await newVolunteer();
  const familyId = (
    await ok<{ id: string }>(
      centre.post('/api/v1/families', { name: `矩阵家${unique()}`, regionCode: COMMUNITY_A, headPhone: head.phone }),
      'family',
    )
  ).id;

  async function newFamilyInvitee() {
    const person = await newVolunteer();
    await ok(
      centre.post(`/api/v1/families/${familyId}/members`, { phone: person.phone, relation: 'other' }),
      'invitee',
    );
    return person;
  }

  async function newBook() {
    return (
      await ok<{ id: string }>(centre.post(`/api/v1/sites/${site?.id}/books`, { title: `矩阵书${unique()}` }), 'book')
    ).id;
  }

  async function newLentBook() {
    const bookId = await newBook();
    const loan = await ok<{ id: string }>(
      centre.post(`/api/v1/sites/${site?.id}/books/${bookId}/loans`, { phone: demo.volunteer, name: '李志愿' }),
      'loan',
    );
    return { bookId, loanId: loan.id };
  }

  async function newItem() {
    return (
      await ok<{ id: string }>(
        centre.post(`/api/v1/sites/${site?.id}/self-help-items`, { name: `矩阵物品${unique()}`, quantity: 50 }),
        'item',
      )
    ).id;
  }

  async function newSiteStaff() {
    const person = await newVolunteer();
    await ok(centre.post(`/api/v1/sites/${site?.id}/staff`, { phone: person.phone }), 'site staff');
    return person;
  }

  // Records that only need to exist.
  const volunteer = await newVolunteer();
  await ok(
    centre.post(`/api/v1/volunteers/${volunteer.volunteerId}/status`, { status: 'suspended', reason: '矩阵审计' }),
    'audited change',
  );
  const loan = await newLentBook();
  const itemId = await newItem();
  const uploader = await newVolunteer();
  const file = await ok<{ id: string }>(
    (await uploader.signIn()).request({
      method: 'POST',
      url: '/api/v1/files?purpose=attachment',
      payload: Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(2000), Buffer.from('\n%%EOF\n')]),
      headers: { 'content-type': 'application/octet-stream' },
    }),
    'file',
  );
  const photo = await ok<{ id: string }>(
    clients.resident.request({
      method: 'POST',
      url: '/api/v1/files?purpose=photo',
      payload: await sharp({ create: { width: 8, height: 8, channels: 3, background: '#4a7' } })
        .png()
        .toBuffer(),
      headers: { 'content-type': 'application/octet-stream' },
    }),
    'photo',
  );
  const start = Date.now() + 86_400_000;
  await ok(
    clients.resident.post('/api/v1/orders', {
      categoryCode: 'convenience',
      title: `矩阵照片订单${unique()}`,
      regionCode: COMMUNITY_A,
      address: '北门外社区 1 号楼',
      windowStart: new Date(start).toISOString(),
      windowEnd: new Date(start + 3_600_000).toISOString(),
      photoFileIds: [photo.id],
    }),
    'order with a photo',
  );
  const member = await newMember();
  const notifications = await ok<{ items: { id: string }[] }>(
    (await member.signIn()).get('/api/v1/me/notifications'),
    'notifications',
  );
  const notificationId = notifications.items[0]?.id;
  if (!notificationId) throw new Error('no notification for the new member');
  const template = await centre.get('/api/v1/volunteers/import-template');
  const demoVolunteerId = (await ok<{ id: string }>(clients.volunteer.get('/api/v1/me/volunteer'), 'demo volunteer'))
    .id;

  /**
   * A fresh order of community A in the given state: placed by the demo resident (a free request),
   * reviewed by the keeper, dispatched to the demo volunteer, accepted, checked in, completed, rated,
   * closed; or rejected or cancelled straight after placing.
   */
  async function newOrder(state: OrderStateName): Promise<string> {
    const start = Date.now() + 86_400_000;
    const order = await ok<{ id: string }>(
      clients.resident.post('/api/v1/orders', {
        categoryCode: 'convenience',
        title: `矩阵订单${unique()}`,
        regionCode: COMMUNITY_A,
        address: '北门外社区 1 号楼',
        lng: ORDER_POINT.lng,
        lat: ORDER_POINT.lat,
        windowStart: new Date(start).toISOString(),
        windowEnd: new Date(start + 7_200_000).toISOString(),
      }),
      'order',
    );
    const path = `/api/v1/orders/${order.id}`;
    const steps: [OrderStateName, Client, string, unknown?][] = [
      ['reviewed', clients.keeper, 'review'],
      ['dispatched', clients.keeper, 'dispatch', { target: { kind: 'volunteer', volunteerId: demoVolunteerId } }],
      ['accepted', clients.volunteer, 'accept'],
      ['in_service', clients.volunteer, 'check-in', ORDER_POINT],
      ['completed', clients.volunteer, 'complete', { summary: '矩阵服务完成' }],
      ['rated', clients.resident, 'rate', { stars: 5 }],
      ['closed', clients.keeper, 'close'],
    ];
    if (state === 'rejected') await ok(clients.keeper.post(`${path}/reject`, { reason: '矩阵驳回' }), 'reject');
    if (state === 'cancelled') await ok(clients.resident.post(`${path}/cancel`, { reason: '矩阵取消' }), 'cancel');
    if (state === 'submitted' || state === 'rejected' || state === 'cancelled') return order.id;
    for (const [reached, client, action, body] of steps) {
      await ok(client.post(`${path}/${action}`, body), action);
      if (reached === state) return order.id;
    }
    throw new Error(`newOrder: unknown state ${state}`);
  }

  return {
    client,
    siteId: site.id,
    organisationId,
    familyId,
    volunteer,
    loan,
    itemId,
    fileId: file.id,
    orderPhotoId: photo.id,
    notificationId,
    importTemplate: template.rawPayload.toString('base64'),
    newOrder,
    /** A registration body with a code sent to its phone. */
    withCode: <T extends { phone: string }>(body: T) => withRegistrationCode(t.app, body),
    newVolunteer,
    newJoinRequest,
    newMember,
    newInvitation,
    newFamilyInvitee,
    newBook,
    newLentBook,
    newItem,
    newSiteStaff,
    freshIdNumber,
    unique,
  };
}

export const orderStateNames = [
  'submitted',
  'reviewed',
  'rejected',
  'dispatched',
  'accepted',
  'in_service',
  'completed',
  'rated',
  'closed',
  'cancelled',
] as const;
export type OrderStateName = (typeof orderStateNames)[number];
/** Where community A's matrix orders are served (beside 北门外社区's station). */
export const ORDER_POINT = { lng: 122.1205, lat: 37.5102 };

export type Fixtures = Awaited<ReturnType<typeof makeFixtures>>;
