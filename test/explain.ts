/** Query plans of the statements a use case really sends: capture them, then EXPLAIN each. */
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import * as schema from '../src/server/db/schema.js';
import type { Database, Db } from '../src/server/platform/db.js';

export interface CapturedQuery {
  sql: string;
  params: unknown[];
}

/** A handle on the same database that records every statement it sends. */
export function recordingDb(database: Database): { db: Db; queries: CapturedQuery[] } {
  const queries: CapturedQuery[] = [];
  const logger = { logQuery: (sql: string, params: unknown[]) => queries.push({ sql, params }) };
  const db = (database.pglite
    ? drizzlePglite(database.pglite, { schema, logger })
    : drizzleNodePg(database.pool as NonNullable<Database['pool']>, { schema, logger })) as unknown as Db;
  return { db, queries };
}

export interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Index Cond'?: string;
  Plans?: PlanNode[];
}

/** Every node of the plan of `query`, flattened. */
export async function planNodes(database: Database, query: CapturedQuery): Promise<PlanNode[]> {
  const text = `explain (format json) ${query.sql}`;
  const result = database.pglite
    ? await database.pglite.query<Record<string, unknown>>(text, query.params)
    : await (database.pool as NonNullable<Database['pool']>).query(text, query.params);
  const raw = Object.values(result.rows[0] as Record<string, unknown>)[0];
  const plan = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { Plan: PlanNode }[];
  const out: PlanNode[] = [];
  const walk = (node: PlanNode) => {
    out.push(node);
    for (const child of node.Plans ?? []) walk(child);
  };
  walk((plan[0] as { Plan: PlanNode }).Plan);
  return out;
}

/** How `relation` is read in the plan: `node type[:index name[:index condition]]` per scan. */
export function accessOf(nodes: PlanNode[], relation: string): string[] {
  return nodes
    .filter((n) => n['Relation Name'] === relation || n['Index Name']?.startsWith(`${relation}_`))
    .map((n) => [n['Node Type'], n['Index Name'], n['Index Cond']].filter((part) => part !== undefined).join(':'));
}
