import { foreignKey, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { type OrganisationKind, organisationKinds } from '../../../shared/organisation-kinds.js';
import { tenants } from '../../platform/tenants-schema.js';
import { regions } from '../regions/index.js';

export { type OrganisationKind, organisationKinds };

/** How people become members: open (join at once), approval (a leader approves a request), invitation only. */
export const joinModes = ['open', 'approval', 'invitation'] as const;
export type JoinMode = (typeof joinModes)[number];

export const organisationStatuses = ['active', 'suspended', 'dissolved'] as const;
export type OrganisationStatus = (typeof organisationStatuses)[number];

/** Volunteer teams and organisations (志愿服务队、社会组织、爱心商户、银行网点、学校…). */
export const organisations = pgTable(
  'organisations',
  {
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull().defaultRandom(),
    kind: text('kind', { enum: organisationKinds }).notNull(),
    name: text('name').notNull(),
    /** Home region (district, subdistrict or community). */
    regionCode: text('region_code').notNull(),
    parentId: uuid('parent_id'),
    description: text('description'),
    /** Shown in full to the organisation's managers and staff in scope, masked to everyone else. */
    contactPhone: text('contact_phone'),
    joinMode: text('join_mode', { enum: joinModes }).notNull().default('approval'),
    status: text('status', { enum: organisationStatuses }).notNull().default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.regionCode], foreignColumns: [regions.tenantId, regions.code] }),
    foreignKey({ columns: [t.tenantId, t.parentId], foreignColumns: [t.tenantId, t.id] }),
    index('organisations_region_idx').on(t.tenantId, t.regionCode.op('text_pattern_ops')),
    index('organisations_directory_idx').on(t.tenantId, t.status, t.name, t.id),
    index('organisations_parent_idx').on(t.tenantId, t.parentId),
  ],
);
