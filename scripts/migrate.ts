import { loadConfig } from '../src/server/platform/config.js';
import { openDatabase } from '../src/server/platform/db.js';
import { migrateDatabase } from '../src/server/platform/migrate.js';

const config = loadConfig();
const database = await openDatabase(config);
await migrateDatabase(database);
await database.close();
console.log(`migrated (${database.kind})`);
