/**
 * The demo district's synthetic year (合成演示数据), added after the server listens: each capability's
 * history in turn, on one database connection. A seeder answers false when its history is already
 * there; one that fails is tried again at the next start. Tests pass smaller sizes.
 */
import type { Config } from '../platform/config.js';
import type { Db } from '../platform/db.js';
import { DEMO_DISTRICT } from './seed-demo.js';
import { seedDemoActivities } from './seed-demo-activities.js';
import { seedDemoEvaluation } from './seed-demo-evaluation.js';
import { seedDemoOrders } from './seed-demo-orders.js';
import { seedDemoPointsHistory } from './seed-demo-points-history.js';
import { seedDemoProjects } from './seed-demo-projects.js';
import { seedDemoStoreRedemptions } from './seed-demo-store-redemptions.js';
import { seedDemoVolunteers } from './seed-demo-volunteers.js';
import { seedDemoWishes } from './seed-demo-wishes.js';

export interface HistorySizes {
  orders?: number;
  activities?: { activities: number; volunteers: number };
  wishes?: number;
  projects?: { district: number; subdistrict: number };
  redemptions?: number;
  /** Volunteers who registered but have not served yet. */
  registeredVolunteers?: number;
}

/** Seeds what is missing and answers what it added. `config` seals the synthetic volunteers' ID numbers. */
export async function seedDemoHistory(
  db: Db,
  config: Config,
  now = new Date(),
  sizes: HistorySizes = {},
): Promise<string[]> {
  const history: [string, () => Promise<boolean>][] = [
    ['orders', () => seedDemoOrders(db, DEMO_DISTRICT, now, sizes.orders)],
    ['activities and hours', () => seedDemoActivities(db, DEMO_DISTRICT, now, sizes.activities)],
    ['points for the hours', () => seedDemoPointsHistory(db, DEMO_DISTRICT)],
    ['pioneer store redemptions', () => seedDemoStoreRedemptions(db, DEMO_DISTRICT, now, sizes.redemptions)],
    ['micro-wishes', () => seedDemoWishes(db, DEMO_DISTRICT, now, sizes.wishes)],
    ['volunteer profiles', () => seedDemoVolunteers(db, config, DEMO_DISTRICT, now, sizes.registeredVolunteers)],
    ['projects and brands', () => seedDemoProjects(db, DEMO_DISTRICT, now, sizes.projects)],
    ['project results and last year’s evaluation', () => seedDemoEvaluation(db, DEMO_DISTRICT, now)],
  ];
  const added: string[] = [];
  for (const [what, seed] of history) {
    const started = performance.now();
    try {
      if (await seed()) {
        added.push(what);
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        console.log(`Demo history: a year of synthetic ${what} (合成演示数据) added in ${seconds} s`);
      }
    } catch (err) {
      console.error(`Demo history of ${what} not added (it is tried again at the next start):`, err);
    }
  }
  return added;
}
