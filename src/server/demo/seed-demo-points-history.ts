/**
 * The demo volunteers' points from their synthetic year of hours (合成演示数据), credited in bulk
 * (points/earn-history.ts) after the hours are seeded, so that 我的积分 and 积分管理 show a real-looking
 * history. Answers false when there was nothing left to credit. Part of the start-up history
 * (seed-demo-history.ts) since the credit is set-based (docs/benchmarks.md).
 */
import { creditSyntheticHistory } from '../modules/points/index.js';
import type { Db } from '../platform/db.js';

export async function seedDemoPointsHistory(db: Db, tenantId: string): Promise<boolean> {
  return (await creditSyntheticHistory(db, tenantId)) > 0;
}
