import Fastify from 'fastify';
import helmet from 'helmet';
import { describe, expect, it } from 'vitest';
import { securityHeaders, securityOptions } from './security-headers.js';

/** helmet run on every request, as @fastify/helmet did. */
async function perRequest(development: boolean) {
  const app = Fastify();
  app.addHook('onRequest', (req, reply, done) =>
    helmet(securityOptions(development))(req.raw, reply.raw, () => done()),
  );
  app.get('/x', async () => ({ ok: true }));
  return app;
}

async function precomputed(development: boolean) {
  const app = Fastify();
  await app.register(securityHeaders, securityOptions(development));
  app.get('/x', async () => ({ ok: true }));
  return app;
}

const without = (headers: Record<string, unknown>) => {
  const { date: _d, ...rest } = headers;
  return rest;
};

describe('security headers computed once', () => {
  for (const development of [false, true]) {
    it(`are exactly helmet's, on answers and on errors (development: ${development})`, async () => {
      const [a, b] = await Promise.all([perRequest(development), precomputed(development)]);
      for (const url of ['/x', '/missing']) {
        const [ra, rb] = await Promise.all([a.inject({ url }), b.inject({ url })]);
        expect(without(rb.headers)).toEqual(without(ra.headers));
      }
      const res = await b.inject({ url: '/x' });
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      if (!development) expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      else expect(res.headers['content-security-policy']).toBeUndefined();
    });
  }
});
