import { resolve } from 'node:path';
import { buildApp } from './app.js';
import { DEMO_PASSWORD, demoAccounts, isSeeded, seedDemo } from './demo/seed-demo.js';
import { loadConfig } from './platform/config.js';
import { openDatabase } from './platform/db.js';
import { migrateDatabase } from './platform/migrate.js';
import { ensureWebBuild, isWebBuildCurrent } from './platform/web-build.js';

const config = loadConfig();
const database = await openDatabase(config);
await migrateDatabase(database);

let seeded = false;
if (config.SEED_DEMO && !(await isSeeded(database.db))) {
  await seedDemo(database.db, config);
  seeded = true;
}

if (config.NODE_ENV !== 'development' && !isWebBuildCurrent(resolve(config.WEB_DIST))) {
  console.log('Building the web app for this version (npm run build)…');
  await ensureWebBuild(resolve(config.WEB_DIST));
}

const app = await buildApp({ config, database, web: true, jobs: { work: true } });
const shutdown = async () => {
  await app.close();
  await database.close();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);

await app.listen({ port: config.PORT, host: config.HOST });
const url = `http://localhost:${config.PORT}`;
const where = database.kind === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)';
console.log(`\n雷锋 Leifeng is running at ${url}  (database: ${where}${seeded ? ', demo district seeded' : ''})`);
console.log(`API docs: ${url}/api/docs\n`);
if (config.SEED_DEMO) {
  console.log(`Demo accounts (password ${DEMO_PASSWORD}):`);
  for (const a of demoAccounts) console.log(`  ${a.phone}  ${a.label}`);
  console.log('');
}
