import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, demo, signIn, type TestContext } from '../../../../test/server.js';
import { writeAudit } from '../../platform/audit.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
  const ctx = { tenantId: '371002', actorId: null };
  await writeAudit(t.database.db, ctx, {
    action: 'site.update',
    entityType: 'site',
    entityId: 'a',
    regionCode: '371002002005',
  });
  await writeAudit(t.database.db, ctx, {
    action: 'site.update',
    entityType: 'site',
    entityId: 'b',
    regionCode: '371002003001',
  });
  await writeAudit(t.database.db, ctx, { action: 'tenant.update', entityType: 'tenant', entityId: 'c' });
});
afterAll(() => t.close());

const entityIds = async (phone: string, query = '') => {
  const res = await (await signIn(t.app, phone)).get(`/api/v1/audit-log?limit=50${query}`);
  expect(res.statusCode).toBe(200);
  return res
    .json()
    .items.map((e: { entityId: string }) => e.entityId)
    .filter((id: string) => ['a', 'b', 'c'].includes(id));
};

describe('the audit log', () => {
  it('shows each staff member only the entries of their scope, newest first', async () => {
    expect(await entityIds(demo.centreAdmin)).toEqual(['c', 'b', 'a']);
    expect(await entityIds(demo.instituteAdmin)).toEqual(['a']);
    expect(await entityIds(demo.keeper)).toEqual(['a']);
  });

  it('filters by action and refuses a region outside the scope', async () => {
    expect(await entityIds(demo.centreAdmin, '&action=tenant.update')).toEqual(['c']);
    const res = await (await signIn(t.app, demo.keeper)).get('/api/v1/audit-log?regionCode=371002003001');
    expect(res.statusCode).toBe(404);
  });

  it('is not open to volunteers', async () => {
    expect((await (await signIn(t.app, demo.volunteer)).get('/api/v1/audit-log')).statusCode).toBe(403);
  });
});

describe('paging the audit log', () => {
  it('pages without repeats and refuses a forged cursor as a bad request', async () => {
    const admin = await signIn(t.app, demo.centreAdmin);
    const first = (await admin.get('/api/v1/audit-log?limit=2')).json();
    expect(first.items).toHaveLength(2);
    const second = (await admin.get(`/api/v1/audit-log?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.items[0].id).toBeLessThan(first.items[1].id);
    const forged = await admin.get(`/api/v1/audit-log?cursor=${Buffer.from('["x"]').toString('base64url')}`);
    expect(forged.statusCode).toBe(400);
    expect(forged.json().error.details[0].field).toBe('querystring.cursor');
  });
});
