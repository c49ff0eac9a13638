/**
 * The demo district's synthetic year (合成演示数据), added after the server listens: each capability's
 * history in turn. A seeder answers false when its history is already there; one that fails is
 * tried again at the next start.
 */
import type { Db } from '../platform/db.js';
import { DEMO_DISTRICT } from './seed-demo.js';
import { seedDemoActivities } from './seed-demo-activities.js';
import { seedDemoOrders } from './seed-demo-orders.js';
import { seedDemoWishes } from './seed-demo-wishes.js';

const history: [string, (db: Db, tenantId: string) => Promise<boolean>][] = [
  ['orders', seedDemoOrders],
  ['activities and hours', seedDemoActivities],
  ['micro-wishes', seedDemoWishes],
];

export async function seedDemoHistory(db: Db) {
  for (const [what, seed] of history) {
    const started = performance.now();
    try {
      if (await seed(db, DEMO_DISTRICT)) {
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        console.log(`Demo history: a year of synthetic ${what} (合成演示数据) added in ${seconds} s`);
      }
    } catch (err) {
      console.error(`Demo history of ${what} not added (it is tried again at the next start):`, err);
    }
  }
}
