import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { academyRoutes, remindExpiringQualifications } from './modules/academy/index.js';
import {
  accountsRoutes,
  actorCache,
  deleteExpiredSessions,
  resolveSession,
  shareActorInvalidations,
} from './modules/accounts/index.js';
import { activitiesRoutes, closeForgottenCheckouts, extendSessions } from './modules/activities/index.js';
import { auditRoutes } from './modules/audit/index.js';
import { charityRoutes } from './modules/charity/index.js';
import { coverageRoutes } from './modules/coverage/index.js';
import { familiesRoutes } from './modules/families/index.js';
import { healthRoutes } from './modules/health/index.js';
import { hoursRoutes } from './modules/hours/index.js';
import { notificationsRoutes, wechatRecipientResolver } from './modules/notifications/index.js';
import { autoCloseOrders, escalateOverdueOrders, ordersRoutes } from './modules/orders/index.js';
import { organisationsRoutes } from './modules/organisations/index.js';
import { outboxRoutes } from './modules/outbox/index.js';
import { pointsRoutes, runPointsEarning, runPointsExpiry } from './modules/points/index.js';
import { projectsRoutes } from './modules/projects/index.js';
import { regionsRoutes } from './modules/regions/index.js';
import { serviceMenuRoutes } from './modules/service-menu/index.js';
import { sitesRoutes } from './modules/sites/index.js';
import { stationServicesRoutes } from './modules/station-services/index.js';
import { expireRedemptions, storeRoutes } from './modules/store/index.js';
import { volunteersRoutes } from './modules/volunteers/index.js';
import { expireOverdueWishes, wishesRoutes } from './modules/wishes/index.js';
import type { Config } from './platform/config.js';
import type { Database } from './platform/db.js';
import { filesRoutes } from './platform/files-routes.js';
import { housekeepingJob } from './platform/housekeeping.js';
import { clientErrorHandler, httpPlatform, sendFrameworkError } from './platform/http.js';
import { idempotencyPlugin } from './platform/idempotency.js';
import { inputGuard } from './platform/input-guard.js';
import { Jobs, type JobsOptions } from './platform/jobs.js';
import { livePlugin } from './platform/live.js';
import { serializeError } from './platform/log-redaction.js';
import { openApiTransformObject } from './platform/openapi.js';
import { deleteOldOutboxMessages, outboxDeliveryJob } from './platform/outbox/outbox.js';
import { deleteOldDemoSms, smsDelivererFor } from './platform/outbox/sms.js';
import { deleteOldDemoWechat, wechatApiFor, wechatDelivererFor } from './platform/outbox/wechat.js';
import { piiFor } from './platform/pii.js';
import { plannerStatisticsJob } from './platform/planner-statistics.js';
import { PubSub } from './platform/pubsub.js';
import { securityHeaders, securityOptions } from './platform/security-headers.js';
import { fastSerializerCompiler } from './platform/serializer.js';
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
  /** Where log lines go instead of stdout (tests read them). */
  logStream?: { write(line: string): void };
}

export async function buildApp({
  config,
  database,
  web = false,
  logger,
  jobs: jobOptions,
  logStream,
}: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger:
      (logger ?? config.NODE_ENV !== 'test')
        ? { level: config.LOG_LEVEL, serializers: { err: serializeError }, ...(logStream ? { stream: logStream } : {}) }
        : false,
    trustProxy: config.TRUST_PROXY.length > 0 ? config.TRUST_PROXY : false,
    clientErrorHandler,
    frameworkErrors: (error, _req, reply) => sendFrameworkError(reply, error),
    bodyLimit: 2 * 1024 * 1024,
    genReqId: () => crypto.randomUUID(),
  }).withTypeProvider<ZodTypeProvider>();

  // Fail at start-up, not at the first registration, when personal data cannot be protected.
  piiFor(config);

  app.setValidatorCompiler(validatorCompiler);
  // Compiled response writers; outside production every response is also checked against zod.
  app.setSerializerCompiler(fastSerializerCompiler({ verify: config.NODE_ENV !== 'production' }));
  app.decorate('config', config);
  app.decorate('database', database);
  app.decorate('db', database.db);

  const jobs = new Jobs(database, { ...jobOptions, log: app.log });
  app.decorate('jobs', jobs);
  jobs.define(housekeepingJob([deleteExpiredSessions, deleteOldOutboxMessages, deleteOldDemoSms, deleteOldDemoWechat]));
  for (const job of plannerStatisticsJob(database)) jobs.define(job);
  // One WeChat client per app: its access token is cached across deliveries, on the jobs clock.
  const wechatApi = wechatApiFor(config, () => jobs.now().getTime());
  jobs.define(
    outboxDeliveryJob({
      sms: smsDelivererFor(config),
      wechat: wechatDelivererFor(config, wechatApi, wechatRecipientResolver(config)),
    }),
  );
  // Deadlines live on the orders: a run after a restart catches up with whatever fell due meanwhile.
  jobs.define({
    name: 'orders.escalate',
    cron: '* * * * *',
    retryLimit: 0,
    run: (_data, ctx) => escalateOverdueOrders(ctx.db, ctx.now()).then(() => {}),
  });
  // Rated orders close, unrated ones after the tenant's days; a run after a restart catches up.
  jobs.define({
    name: 'orders.auto-close',
    cron: '*/10 * * * *',
    retryLimit: 1,
    run: (_data, ctx) => autoCloseOrders(ctx.db, ctx.now()).then(() => {}),
  });
  // Forgotten check-outs are closed at the occurrence's end (flagged), with their service records.
  jobs.define({
    name: 'activities.close-attendance',
    cron: '*/5 * * * *',
    retryLimit: 1,
    run: (_data, ctx) => closeForgottenCheckouts(ctx.db, ctx.now()).then(() => {}),
  });
  // Deadlines live on the wishes: a run after a restart expires whatever fell due meanwhile.
  jobs.define({
    name: 'wishes.expire',
    cron: '*/5 * * * *',
    retryLimit: 1,
    run: (_data, ctx) => expireOverdueWishes(ctx.db, ctx.now()).then(() => {}),
  });
  jobs.define({
    name: 'activities.extend-sessions',
    cron: '17 3 * * *',
    retryLimit: 1,
    run: (_data, ctx) => extendSessions(ctx.db, ctx.now()).then(() => {}),
  });
  // Qualifications expiring within 30 days: one reminder each (marked on the qualification).
  jobs.define({
    name: 'academy.expiry-reminders',
    cron: '41 1 * * *',
    retryLimit: 1,
    run: (_data, ctx) => remindExpiringQualifications(ctx.db, ctx.now()).then(() => {}),
  });
  // Redemptions not picked up in time give back their stock and points; a late run catches up.
  jobs.define({
    name: 'store.expire-redemptions',
    cron: '*/10 * * * *',
    retryLimit: 1,
    run: (_data, ctx) => expireRedemptions(ctx.db, ctx.now()).then(() => {}),
  });
  // Points: earn from hours events and 5-star ratings (once each); expiry once per tenant and month.
  jobs.define({
    name: 'points.earn',
    cron: '* * * * *',
    retryLimit: 2,
    run: (_d, ctx) => runPointsEarning(ctx.db).then(() => {}),
  });
  jobs.define({
    name: 'points.expire',
    cron: '5 16 * * *',
    retryLimit: 3,
    run: (_d, ctx) => runPointsExpiry(ctx.db, ctx.now()).then(() => {}),
  });
  if (jobOptions?.start !== false) app.addHook('onReady', () => jobs.start());
  app.addHook('onClose', () => jobs.stop());
  const pubsub = new PubSub(database, app.log);
  app.decorate('pubsub', pubsub);
  // Sign-outs, password and role changes reach the actor caches of the other instances too.
  let stopSharing: (() => Promise<void>) | null = null;
  app.addHook('onReady', async () => {
    try {
      stopSharing = await shareActorInvalidations(database, pubsub, app.log);
    } catch (err) {
      // Without the announcements another instance's change would go unnoticed here: do not cache.
      app.log.error({ err }, 'actor invalidations cannot be shared; the actor cache is off');
      actorCache.setTtl(0);
    }
  });
  app.addHook('onClose', async () => {
    await stopSharing?.();
    await pubsub.close();
  });

  await app.register(securityHeaders, securityOptions(config.NODE_ENV === 'development'));
  // Before every route: a route registered earlier would answer uncompressed.
  await app.register(compress, { threshold: 1024 });
  await app.register(cookie);
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    // `auto`: Secure when the request came over HTTPS, directly or through a trusted proxy that says so.
    cookieOpts: { path: '/', sameSite: 'lax', httpOnly: true, signed: false, secure: 'auto' },
    getToken: (req) => req.headers['x-csrf-token'] as string | undefined,
  });
  await app.register(rateLimit, { global: false });
  await app.register(httpPlatform, { resolveActor: resolveSession });
  await app.register(inputGuard);
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
    transformObject: openApiTransformObject,
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
      await v1.register(storeRoutes);
      await v1.register(auditRoutes);
      await v1.register(organisationsRoutes);
      await v1.register(familiesRoutes);
      await v1.register(notificationsRoutes);
      await v1.register(outboxRoutes);
      await v1.register(serviceMenuRoutes);
      await v1.register(ordersRoutes);
      await v1.register(activitiesRoutes);
      await v1.register(hoursRoutes);
      await v1.register(wishesRoutes);
      await v1.register(academyRoutes);
      await v1.register(pointsRoutes);
      await v1.register(filesRoutes);
      await v1.register(coverageRoutes);
      await v1.register(projectsRoutes);
      await v1.register(charityRoutes);
    },
    { prefix: '/api/v1' },
  );

  if (web) await app.register(webPlugin);
  return app;
}
