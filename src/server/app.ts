import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { accountsRoutes } from './modules/accounts/routes.js';
import { deleteExpiredSessions } from './modules/accounts/sessions.js';
import { auditRoutes } from './modules/audit/routes.js';
import { familiesRoutes } from './modules/families/routes.js';
import { healthRoutes } from './modules/health/routes.js';
import { notificationsRoutes } from './modules/notifications/routes.js';
import { organisationsRoutes } from './modules/organisations/routes.js';
import { outboxRoutes } from './modules/outbox/routes.js';
import { regionsRoutes } from './modules/regions/routes.js';
import { sitesRoutes } from './modules/sites/routes.js';
import { stationServicesRoutes } from './modules/station-services/routes.js';
import { volunteersRoutes } from './modules/volunteers/routes.js';
import type { Config } from './platform/config.js';
import type { Database } from './platform/db.js';
import { filesRoutes } from './platform/files-routes.js';
import { housekeepingJob } from './platform/housekeeping.js';
import { httpPlatform } from './platform/http.js';
import { deleteOldIdempotencyKeys, idempotencyPlugin } from './platform/idempotency.js';
import { Jobs, type JobsOptions } from './platform/jobs.js';
import { livePlugin } from './platform/live.js';
import { deleteOldOutboxMessages, outboxDeliveryJob } from './platform/outbox/outbox.js';
import { deleteOldDemoSms, smsDelivererFor } from './platform/outbox/sms.js';
import { piiFor } from './platform/pii.js';
import { PubSub } from './platform/pubsub.js';
import { version } from './platform/version.js';
import { webPlugin } from './platform/web.js';

declare module 'fastify' {
  interface FastifyInstance {
    database: Database;
    jobs: Jobs;
  }
}

export interface BuildAppOptions {
  config: Config;
  database: Database;
  /** Serve the web app (built files, or Vite in development). Off for API-only tests. */
  web?: boolean;
  logger?: boolean;
  /**
   * The job runner: `work: true` polls for jobs and runs cron schedules (the server); tests call
   * `app.jobs.runDue()`. `start: false` leaves it stopped (building the OpenAPI document needs no database).
   */
  jobs?: Omit<JobsOptions, 'log'> & { start?: boolean };
}

export async function buildApp({
  config,
  database,
  web = false,
  logger,
  jobs: jobOptions,
}: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: (logger ?? config.NODE_ENV !== 'test') ? { level: config.LOG_LEVEL } : false,
    trustProxy: config.TRUST_PROXY,
    bodyLimit: 2 * 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
  }).withTypeProvider<ZodTypeProvider>();

  // Fail at start-up, not at the first registration, when personal data cannot be protected.
  piiFor(config);

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('config', config);
  app.decorate('database', database);
  app.decorate('db', database.db);

  const jobs = new Jobs(database, { ...jobOptions, log: app.log });
  app.decorate('jobs', jobs);
  jobs.define(
    housekeepingJob([deleteExpiredSessions, deleteOldIdempotencyKeys, deleteOldOutboxMessages, deleteOldDemoSms]),
  );
  jobs.define(outboxDeliveryJob({ sms: smsDelivererFor(config) }));
  if (jobOptions?.start !== false) app.addHook('onReady', () => jobs.start());
  app.addHook('onClose', () => jobs.stop());
  const pubsub = new PubSub(database, app.log);
  app.decorate('pubsub', pubsub);
  app.addHook('onClose', () => pubsub.close());

  await app.register(helmet, {
    contentSecurityPolicy:
      config.NODE_ENV === 'development'
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
  });
  await app.register(cookie);
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieOpts: { path: '/', sameSite: 'lax', httpOnly: true, signed: false },
    getToken: (req) => req.headers['x-csrf-token'] as string | undefined,
  });
  await app.register(rateLimit, { global: false });
  await app.register(httpPlatform);
  await app.register(idempotencyPlugin);

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Leifeng API',
        version,
        description:
          'Volunteer-service platform API. Staff endpoints are filtered by the caller’s region scope. ' +
          'Writes need the X-CSRF-Token header from GET /api/v1/auth/csrf when signed in with a cookie.',
      },
      servers: [{ url: '/' }],
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'lf_session' } },
      },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(healthRoutes, { prefix: '/api' });
  await app.register(livePlugin);
  await app.register(
    async (v1) => {
      await v1.register(accountsRoutes);
      await v1.register(regionsRoutes);
      await v1.register(sitesRoutes);
      await v1.register(volunteersRoutes);
      await v1.register(stationServicesRoutes);
      await v1.register(auditRoutes);
      await v1.register(organisationsRoutes);
      await v1.register(familiesRoutes);
      await v1.register(notificationsRoutes);
      await v1.register(outboxRoutes);
      await v1.register(filesRoutes);
    },
    { prefix: '/api/v1' },
  );

  if (web) await app.register(webPlugin);
  return app;
}
