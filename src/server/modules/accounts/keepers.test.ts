import { and, eq, like, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, databaseKind, demo, type TestContext } from '../../../../test/server.js';
import { regions } from '../regions/index.js';
import { keeperIds } from './keepers.js';
import { roleGrants, users } from './schema.js';
import { createUser } from './users.js';

const tenantId = '371002';

describe(`the keepers of a place (${databaseKind})`, () => {
  let t: TestContext;
  const ids = new Map<string, string>();
  beforeAll(async () => {
    t = await createTestApp();
    for (const [name, phone] of Object.entries(demo)) {
      const [u] = await t.database.db.select({ id: users.id }).from(users).where(eq(users.phone, phone));
      ids.set(name, u!.id);
    }
  });
  afterAll(() => t.close());

  async function communityUnder(parent: string, except = '') {
    const [row] = await t.database.db
      .select({ code: regions.code })
      .from(regions)
      .where(
        and(
          eq(regions.tenantId, tenantId),
          eq(regions.level, 'community'),
          like(regions.code, `${parent}%`),
          ne(regions.code, except),
        ),
      )
      .limit(1);
    return row!.code;
  }

  it("answers a community's own keepers, else the nearest level above that has some, never a judge", async () => {
    const db = t.database.db;
    expect(await keeperIds(db, tenantId, '371002002005')).toEqual([ids.get('keeper')]);
    // Another community of 鲸园街道 has no keeper of its own: its institute admin keeps it.
    expect(await keeperIds(db, tenantId, await communityUnder('371002002', '371002002005'))).toEqual([
      ids.get('instituteAdmin'),
    ]);
    // A community of another subdistrict without an institute admin: the centre (the judge's grant is not staff).
    expect(await keeperIds(db, tenantId, await communityUnder('371002003'))).toEqual([ids.get('centreAdmin')]);
    expect(await keeperIds(db, tenantId, '371002002')).toEqual([ids.get('instituteAdmin')]);
    expect(await keeperIds(db, 'other', '371002002005')).toEqual([]);
  });

  it('answers every keeper of the community, each once', async () => {
    const db = t.database.db;
    const second = await createUser(db, tenantId, { phone: '13899990301', displayName: '第二位专管员' });
    await db.insert(roleGrants).values([
      { tenantId, userId: second.id, role: 'station_keeper', regionCode: '371002002005' },
      { tenantId, userId: second.id, role: 'institute_admin', regionCode: '371002002005' },
    ]);
    expect((await keeperIds(db, tenantId, '371002002005')).sort()).toEqual([ids.get('keeper'), second.id].sort());
  });
});
