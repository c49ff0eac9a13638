/** Shared fixtures of the volunteers module's tests: a keeper of another community, desk and online bodies. */
import type { FastifyInstance } from 'fastify';
import { DEMO_PASSWORD } from '../src/server/demo/seed-demo.js';
import { hashPassword, roleGrants, users } from '../src/server/modules/accounts/index.js';
import type { Database } from '../src/server/platform/db.js';
import { idNumber } from './factories.js';
import { anonymous, type Client, signIn } from './server.js';
import { withRegistrationCode } from './sms.js';

/** A community of 环翠区 outside every demo keeper's scope. */
export const OTHER_COMMUNITY = '371002001001';

/** A station keeper of OTHER_COMMUNITY, signed in. */
export async function otherCommunityKeeper(app: FastifyInstance, database: Database): Promise<Client> {
  const tenantId = '371002';
  const [u] = await database.db
    .insert(users)
    .values({
      tenantId,
      phone: '13900000101',
      displayName: '另一社区专管员',
      passwordHash: await hashPassword(DEMO_PASSWORD),
    })
    .returning({ id: users.id });
  await database.db
    .insert(roleGrants)
    .values({ tenantId, userId: u?.id as string, role: 'station_keeper', regionCode: OTHER_COMMUNITY });
  return signIn(app, '13900000101');
}

/** A desk registration body (POST /volunteers). */
export const deskBody = (overrides: Record<string, unknown> = {}) => ({
  name: '王小明',
  phone: '13900001001',
  idNumber: idNumber('19850612', 101),
  consent: true,
  ...overrides,
});

/** Registers 赵注册 online in 北门外社区 (pending, skills theory + culture); answers the response. */
export async function registerZhao(app: FastifyInstance, overrides: Record<string, unknown> = {}) {
  const options = (await anonymous(app).get('/api/v1/volunteer-registration/options')).json();
  return anonymous(app).post(
    '/api/v1/volunteer-registrations',
    await withRegistrationCode(app, {
      name: '赵注册',
      phone: '13900002001',
      password: 'Volunteer2026',
      idNumber: idNumber('19920304', 222),
      regionCode: '371002002005',
      consent: true,
      consentVersion: options.consentVersion,
      skills: ['theory', 'culture'],
      serviceAreas: ['371002002'],
      availability: [{ weekday: 6, start: '09:00', end: '11:30' }],
      ...overrides,
    }),
  );
}
