import { isSeeded, seedDemo } from '../src/server/demo/seed-demo.js';
import { seedDemoHistory } from '../src/server/demo/seed-demo-history.js';
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
await seedDemoHistory(database.db, config);
await database.close();
