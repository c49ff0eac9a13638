import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, demo, signIn, type TestContext } from '../../../../test/server.js';
import { checkCharacter } from '../../../shared/id-card.js';
import type { Actor } from '../../platform/access.js';
import { ActorCache, actorCache } from './actor-cache.js';
import { roleGrants, sessions, users } from './schema.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const roles = async (client: Awaited<ReturnType<typeof signIn>>) =>
  ((await client.get('/api/v1/me')).json().roles as { role: string }[]).map((r) => r.role);

describe('the actor cache behind every signed-in request', () => {
  it('answers from memory: a session row deleted behind the application’s back still works until invalidated', async () => {
    const client = await signIn(t.app, demo.judge);
    expect((await client.get('/api/v1/me')).statusCode).toBe(200);
    const [judge] = await t.database.db.select({ id: users.id }).from(users).where(eq(users.phone, demo.judge));
    await t.database.db.delete(sessions).where(eq(sessions.userId, judge?.id as string));
    expect((await client.get('/api/v1/me')).statusCode).toBe(200);
    actorCache.invalidateUser(judge?.id as string);
    expect((await client.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('forgets a session at sign-out at once', async () => {
    const client = await signIn(t.app, demo.orgAdmin);
    const other = await signIn(t.app, demo.orgAdmin);
    expect((await client.get('/api/v1/me')).statusCode).toBe(200);
    expect((await other.get('/api/v1/me')).statusCode).toBe(200);
    expect((await client.post('/api/v1/auth/logout')).statusCode).toBe(200);
    expect((await client.get('/api/v1/me')).statusCode).toBe(401);
    expect((await other.get('/api/v1/me')).statusCode).toBe(200);
  });

  it('ends the other sessions at once when the password changes', async () => {
    const here = await signIn(t.app, demo.centreAdmin);
    const elsewhere = await signIn(t.app, demo.centreAdmin);
    expect((await elsewhere.get('/api/v1/volunteers?limit=1')).statusCode).toBe(200);
    const ok = await here.post('/api/v1/auth/password', {
      currentPassword: 'Leifeng@2026',
      newPassword: 'NewPass2026',
    });
    expect(ok.statusCode).toBe(200);
    expect((await elsewhere.get('/api/v1/volunteers?limit=1')).statusCode).toBe(401);
    expect((await here.get('/api/v1/volunteers?limit=1')).statusCode).toBe(200);
  });

  it('gives a new role at once: a resident who becomes a volunteer is one on the next request', async () => {
    const resident = await signIn(t.app, demo.resident);
    expect(await roles(resident)).not.toContain('volunteer');
    const first17 = '37100219700101123';
    const res = await resident.post('/api/v1/me/volunteer', {
      name: '李阿姨',
      idNumber: first17 + checkCharacter(first17),
      regionCode: '371002002005',
      consent: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(await roles(resident)).toContain('volunteer');
  });

  it('takes a revoked role away at once when the revocation invalidates the user', async () => {
    const keeper = await signIn(t.app, demo.keeper);
    expect((await keeper.get('/api/v1/volunteers?limit=1')).statusCode).toBe(200);
    const [user] = await t.database.db.select({ id: users.id }).from(users).where(eq(users.phone, demo.keeper));
    const userId = user?.id as string;
    await t.database.db
      .delete(roleGrants)
      .where(and(eq(roleGrants.userId, userId), eq(roleGrants.role, 'station_keeper')));
    actorCache.invalidateUser(userId);
    expect((await keeper.get('/api/v1/volunteers?limit=1')).statusCode).toBe(403);
  });
});

describe('ActorCache', () => {
  const actor = (userId: string): Actor => ({ tenantId: '371002', userId, displayName: 'x', grants: [] });
  const inAnHour = new Date(Date.now() + 3600_000);

  it('never serves a session past its own expiry, nor past the time limit', () => {
    const cache = new ActorCache(60_000);
    const now = Date.now();
    cache.set('a', actor('u1'), new Date(now + 5_000), cache.mark(), now);
    cache.set('b', actor('u1'), new Date(now + 3600_000), cache.mark(), now);
    expect(cache.get('a', now + 4_000)).toBeDefined();
    expect(cache.get('a', now + 5_000)).toBeUndefined();
    expect(cache.get('b', now + 59_000)).toBeDefined();
    expect(cache.get('b', now + 60_000)).toBeUndefined();
  });

  it('drops every session of a user, and only theirs', () => {
    const cache = new ActorCache(60_000);
    for (const [token, user] of [
      ['a', 'u1'],
      ['b', 'u1'],
      ['c', 'u2'],
    ] as const)
      cache.set(token, actor(user), inAnHour, cache.mark());
    cache.invalidateUser('u1');
    expect([cache.get('a'), cache.get('b'), cache.get('c')?.userId]).toEqual([undefined, undefined, 'u2']);
  });

  it('does not keep a look-up that raced an invalidation', () => {
    const cache = new ActorCache(60_000);
    const mark = cache.mark();
    cache.invalidateSession('other');
    cache.set('a', actor('u1'), inAnHour, mark);
    expect(cache.get('a')).toBeUndefined();
  });

  it('tells other instances, and applies what they announce', () => {
    const sent: unknown[] = [];
    const cache = new ActorCache(60_000);
    cache.setPublisher((m) => sent.push(m));
    cache.set('a', actor('u1'), inAnHour, cache.mark());
    cache.invalidateUser('u9');
    cache.invalidateSession('z');
    expect(sent).toEqual([{ userId: 'u9' }, { tokenHash: 'z' }]);
    cache.applyRemote({ userId: 'u1' });
    expect(cache.get('a')).toBeUndefined();
    expect(sent).toHaveLength(2);
  });
});
