/**
 * One more app instance in a process of its own, for tests of what several instances share (the
 * actor cache lives per process, so a second instance in the test's own process would share it).
 * Runs on DATABASE_URL with the test keys; prints `{"port":N}` once it listens; closes on SIGTERM.
 *
 *   node --import tsx test/app-process.ts   (see startAppProcess in test/instances.ts)
 */
import { buildApp } from '../src/server/app.js';
import { loadConfig } from '../src/server/platform/config.js';
import { connectPostgres } from '../src/server/platform/db.js';
import { TEST_PII_KEY } from './test-keys.js';

const url = process.env.DATABASE_URL as string;
const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PII_KEY: TEST_PII_KEY, DATABASE_URL: url });
const database = connectPostgres(url, 4);
const app = await buildApp({ config, database, logger: false, jobs: { start: false } });
await app.listen({ port: 0, host: '127.0.0.1' });
process.on('SIGTERM', async () => {
  await app.close();
  await database.close();
  process.exit(0);
});
console.log(JSON.stringify({ port: (app.server.address() as { port: number }).port }));
