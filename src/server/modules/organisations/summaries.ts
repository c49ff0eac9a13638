import { and, eq, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { maskPhone } from '../../../shared/phone.js';
import type { Db } from '../../platform/db.js';
import { regions } from '../regions/index.js';
import { organisationMembers } from './members-schema.js';
import { organisations } from './schema.js';

const parent = alias(organisations, 'parent_org');

/** Organisation rows with their region name, parent name and member count, in the public shape. */
export async function selectSummaries(
  db: Db,
  tenantId: string,
  where: SQL | undefined,
  options: { limit?: number; orderBy?: SQL[] } = {},
) {
  let query = db
    .select({
      id: organisations.id,
      kind: organisations.kind,
      name: organisations.name,
      regionCode: organisations.regionCode,
      regionName: regions.shortName,
      parentId: parent.id,
      parentName: parent.name,
      description: organisations.description,
      contactPhone: organisations.contactPhone,
      joinMode: organisations.joinMode,
      status: organisations.status,
      // Counted for the returned rows only (the primary key of organisation_members serves it).
      memberCount: sql<number>`(select count(*)::int from ${organisationMembers}
        where ${organisationMembers.tenantId} = ${organisations.tenantId}
          and ${organisationMembers.organisationId} = ${organisations.id})`,
      createdAt: organisations.createdAt,
    })
    .from(organisations)
    .innerJoin(regions, and(eq(regions.tenantId, organisations.tenantId), eq(regions.code, organisations.regionCode)))
    .leftJoin(parent, and(eq(parent.tenantId, organisations.tenantId), eq(parent.id, organisations.parentId)))
    .where(and(eq(organisations.tenantId, tenantId), where))
    .$dynamic();
  if (options.orderBy) query = query.orderBy(...options.orderBy);
  if (options.limit) query = query.limit(options.limit);
  return query;
}

export type SummaryRow = Awaited<ReturnType<typeof selectSummaries>>[number];

/** The public shape; `privileged` callers (managers, staff in scope) see the contact phone in full. */
export function presentSummary(row: SummaryRow, privileged: boolean) {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    region: { code: row.regionCode, name: row.regionName },
    parent: row.parentId && row.parentName ? { id: row.parentId, name: row.parentName } : null,
    description: row.description,
    contactPhone: privileged ? row.contactPhone : maskPhone(row.contactPhone),
    joinMode: row.joinMode,
    status: row.status,
    memberCount: row.memberCount,
    createdAt: row.createdAt.toISOString(),
  };
}
