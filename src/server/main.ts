import { buildApp } from './app.js';
import { DEMO_PASSWORD, demoAccounts, isSeeded, seedDemo } from './demo/seed-demo.js';
import { seedDemoHistory } from './demo/seed-demo-history.js';
import { loadConfig } from './platform/config.js';
import { openDatabase } from './platform/db.js';
import { migrateDatabase } from './platform/migrate.js';
import { piiFor } from './platform/pii.js';
import { analyzeDatabase, analyzeIfNeverAnalysed } from './platform/planner-statistics.js';
import { checkDatabaseConnection } from './platform/startup-checks.js';
import { StartupError } from './platform/startup-error.js';

async function start() {
  // Every setting is checked before any work, so a wrong one never leaves a half-done database behind.
  const config = loadConfig();
  piiFor(config);
  const database = await openDatabase(config);
  try {
    await checkDatabaseConnection(database, config.DATABASE_URL);
    await migrateDatabase(database);
  } catch (err) {
    await database.close().catch(() => {});
    throw err;
  }

  let seeded = false;
  if (config.SEED_DEMO && !(await isSeeded(database.db))) seeded = await seedDemo(database.db, config);
  // Freshly seeded or imported tables have no statistics until analysed: PGlite has no autovacuum.
  // (On PostgreSQL an empty table autovacuum never touched also looks unanalysed: not at every start.)
  if (database.kind === 'pglite') await analyzeIfNeverAnalysed(database.db);

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
    // A year of synthetic history (合成演示数据) arrives in the background, so starting stays quick:
    // one capability after another, one bulk transaction at a time on the embedded database.
    void seedDemoHistory(database.db, config)
      .then((added) => (added.length ? analyzeDatabase(database.db) : undefined))
      .catch((err: unknown) => console.error('Planner statistics after the demo history failed:', err));
  }
}

start().catch((err: unknown) => {
  if (err instanceof StartupError) console.error(`Leifeng cannot start: ${err.message}`);
  else console.error(err);
  process.exit(1);
});
