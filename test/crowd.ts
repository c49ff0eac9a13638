/**
 * Many signed-in volunteers at once, without a password sign-in each (argon2 and the sign-in rate
 * limit would dominate): synthetic volunteers in bulk (test/bulk.ts) with a session created directly,
 * and a minimal client that sends the session cookie and the CSRF token like the browser does.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { createSession } from '../src/server/modules/accounts/index.js';
import { volunteers } from '../src/server/modules/volunteers/index.js';
import { SESSION_COOKIE } from '../src/server/platform/identity.js';
import { fillVolunteers } from './bulk.js';
import type { TestContext } from './server.js';

export interface CrowdMember {
  userId: string;
  request(
    options: Omit<InjectOptions, 'headers'> & { headers?: Record<string, string> },
  ): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
}

let offset = 500_000;

export async function crowd(t: TestContext, count: number): Promise<CrowdMember[]> {
  const from = offset;
  offset += count;
  await fillVolunteers(t.database.db, t.config, count, { from });
  const numbers = Array.from({ length: count }, (_, i) => `HC19${String(from + i).padStart(8, '0')}`);
  const rows = await t.database.db
    .select({ userId: volunteers.userId, number: volunteers.number })
    .from(volunteers)
    .where(and(eq(volunteers.tenantId, '371002'), inArray(volunteers.number, numbers)));
  const members: CrowdMember[] = [];
  for (const row of rows) {
    const session = await createSession(t.database.db, {
      tenantId: '371002',
      userId: row.userId,
      ttlHours: 2,
      ip: null,
      userAgent: 'crowd',
    });
    const first = await t.app.inject({
      url: '/api/v1/auth/csrf',
      headers: { cookie: `${SESSION_COOKIE}=${session.cookie}` },
    });
    const csrf = first.cookies.find((c) => c.name === '_csrf')?.value ?? '';
    const token = (first.json() as { token: string }).token;
    const cookie = `${SESSION_COOKIE}=${session.cookie}; _csrf=${csrf}`;
    const request: CrowdMember['request'] = (options) =>
      t.app.inject({
        ...options,
        headers: { cookie, 'x-csrf-token': token, ...options.headers },
      } as InjectOptions) as Promise<LightMyRequestResponse>;
    members.push({
      userId: row.userId,
      request,
      post: (url, payload, headers) =>
        request({ method: 'POST', url, payload: (payload ?? {}) as InjectOptions['payload'], headers }),
      get: (url) => request({ method: 'GET', url }),
    });
  }
  return members;
}
