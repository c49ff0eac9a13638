/**
 * Security headers (helmet's) on every response, worked out once at start-up. @fastify/helmet
 * rebuilds helmet's middleware for every request (parsing and checking the whole CSP each time)
 * through two hooks; the headers depend only on the configuration, so they are computed here by
 * running helmet once against a recording response, and set from that list on each request.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import helmet, { type HelmetOptions } from 'helmet';

/** The app's policy: same-origin scripts and connections; no CSP in development (Vite injects inline scripts). */
export function securityOptions(development: boolean): HelmetOptions {
  return {
    contentSecurityPolicy: development
      ? false
      : {
          directives: {
            defaultSrc: ["'self'"],
            scriptSrc: ["'self'"],
            styleSrc: ["'self'", "'unsafe-inline'"],
            imgSrc: ["'self'", 'data:', 'blob:', 'https:', 'http:'],
            connectSrc: ["'self'"],
            upgradeInsecureRequests: null,
          },
        },
  };
}

/** The headers helmet sets for `options` (names as helmet writes them), in its order. */
export function helmetHeaders(options: HelmetOptions): [string, string][] {
  const headers = new Map<string, [string, string]>();
  const recorder = {
    setHeader(name: string, value: string | number) {
      headers.set(name.toLowerCase(), [name, String(value)]);
    },
    removeHeader(name: string) {
      headers.delete(name.toLowerCase());
    },
  };
  let failure: unknown;
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, (err?: unknown) => {
    failure = err;
  });
  if (failure) throw failure;
  return [...headers.values()];
}

export const securityHeaders = fp(async (app: FastifyInstance, options: HelmetOptions) => {
  const headers = helmetHeaders(options);
  app.addHook('onRequest', (_req, reply, done) => {
    const res = reply.raw;
    for (const [name, value] of headers) res.setHeader(name, value);
    res.removeHeader('X-Powered-By');
    done();
  });
});
