/**
 * Prepared statements kept per database handle: a query whose SQL text depends only on its
 * `shape` is built by drizzle once and afterwards only executed with new values. A transaction
 * is its own handle, so it prepares its own.
 */
import type { Db } from './db.js';

export function preparedPerShape<Q>(build: (db: Db, shape: string) => Q): (db: Db, shape?: string) => Q {
  const byDb = new WeakMap<Db, Map<string, Q>>();
  return (db, shape = '') => {
    let shapes = byDb.get(db);
    if (!shapes) {
      shapes = new Map();
      byDb.set(db, shapes);
    }
    let query = shapes.get(shape);
    if (!query) {
      query = build(db, shape);
      shapes.set(shape, query);
    }
    return query;
  };
}
