import { DEMO_DISTRICT, isSeeded, seedDemo } from '../src/server/demo/seed-demo.js';
import { seedDemoActivities } from '../src/server/demo/seed-demo-activities.js';
import { seedDemoOrders } from '../src/server/demo/seed-demo-orders.js';
import { loadConfig } from '../src/server/platform/config.js';
import { openDatabase } from '../src/server/platform/db.js';
import { migrateDatabase } from '../src/server/platform/migrate.js';

const config = loadConfig();
const database = await openDatabase(config);
await migrateDatabase(database);
if (await isSeeded(database.db)) {
  console.log('the demo district is already seeded; nothing to do');
} else {
  await seedDemo(database.db, config);
  console.log(`seeded the demo district (${database.kind})`);
}
const started = performance.now();
if (await seedDemoOrders(database.db, DEMO_DISTRICT))
  console.log(`added a year of synthetic orders in ${((performance.now() - started) / 1000).toFixed(1)} s`);
const at = performance.now();
if (await seedDemoActivities(database.db, DEMO_DISTRICT))
  console.log(`added a year of synthetic activities and hours in ${((performance.now() - at) / 1000).toFixed(1)} s`);
await database.close();
