import { sql } from 'drizzle-orm';
import {
  boolean,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { tenants } from '../../platform/tenants-schema.js';
import { users } from '../accounts/index.js';
import { organisations } from '../organisations/index.js';
import { regions } from '../regions/index.js';

export const wishStates = [
  'submitted',
  'approved',
  'rejected',
  'claimed',
  'delivered',
  'confirmed',
  'thanked',
  'withdrawn',
  'expired',
] as const;
export type WishState = (typeof wishStates)[number];

/** States a wish is shown on the public wall in (never before review, never once refused or gone). */
export const wallStates = ['approved', 'claimed', 'delivered', 'confirmed', 'thanked'] as const satisfies WishState[];
/** A claim is open (counts against the claimer's limit) until the keeper confirms delivery. */
export const openClaimStates = ['claimed', 'delivered'] as const satisfies WishState[];

/** Who the wish is for, for the keeper's records and the wall's tag (困难老人、留守儿童…). */
export const beneficiaryGroups = ['elderly', 'left_behind_child', 'disabled', 'low_income', 'other'] as const;
export type BeneficiaryGroup = (typeof beneficiaryGroups)[number];

/** How the wish reached the platform: the resident's own app, or a keeper entering it for them (with consent). */
export const wishChannels = ['app', 'keeper'] as const;

/**
 * A micro-wish (微心愿): a small material wish of a resident, reviewed by the community's keeper,
 * claimed and fulfilled by a volunteer or a caring organisation (爱心商户…), confirmed by the keeper
 * and thanked by the resident. `region_code` is the community (staff scopes, the wall's filter).
 * The beneficiary's name, phone and address are personal: the wall masks the name and shows neither
 * the phone nor the address; the claimer sees them once the wish is theirs.
 */
export const wishes = pgTable(
  'wishes',
  {
    tenantId: text('tenant_id')
      .notNull()
      .references(() => tenants.id),
    id: uuid('id').notNull().defaultRandom(),
    /** Short human number, e.g. X2026120100042A. */
    number: text('number').notNull(),
    state: text('state', { enum: wishStates }).notNull().default('submitted'),
    version: integer('version').notNull().default(0),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    photoFileId: uuid('photo_file_id'),
    /** What the wish is worth, roughly (fen); optional. */
    estimatedValueFen: integer('estimated_value_fen'),
    regionCode: text('region_code').notNull(),
    beneficiaryUserId: uuid('beneficiary_user_id'),
    beneficiaryName: text('beneficiary_name').notNull(),
    beneficiaryPhone: text('beneficiary_phone'),
    beneficiaryGroup: text('beneficiary_group', { enum: beneficiaryGroups }).notNull().default('other'),
    address: text('address').notNull(),
    channel: text('channel', { enum: wishChannels }).notNull(),
    /** A keeper entering a wish for a resident records that the resident agreed. */
    consentAt: timestamp('consent_at', { withTimezone: true }),
    placedBy: uuid('placed_by'),
    placedAt: timestamp('placed_at', { withTimezone: true }).notNull(),
    /** Past it, a wish nobody has claimed expires (a job). */
    deadline: timestamp('deadline', { withTimezone: true }).notNull(),
    reviewedBy: uuid('reviewed_by'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    rejectReason: text('reject_reason'),
    claimerUserId: uuid('claimer_user_id'),
    /** Claimed in the name of an organisation (a caring merchant, a team) that the claimer manages. */
    claimerOrganisationId: uuid('claimer_organisation_id'),
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    deliveryNote: text('delivery_note'),
    confirmedBy: uuid('confirmed_by'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    thanks: text('thanks'),
    thankedAt: timestamp('thanked_at', { withTimezone: true }),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawReason: text('withdraw_reason'),
    expiredAt: timestamp('expired_at', { withTimezone: true }),
    /** Synthetic history (demo seed). */
    synthetic: boolean('synthetic').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.regionCode], foreignColumns: [regions.tenantId, regions.code] }),
    foreignKey({ columns: [t.tenantId, t.beneficiaryUserId], foreignColumns: [users.tenantId, users.id] }),
    foreignKey({ columns: [t.tenantId, t.claimerUserId], foreignColumns: [users.tenantId, users.id] }),
    foreignKey({
      columns: [t.tenantId, t.claimerOrganisationId],
      foreignColumns: [organisations.tenantId, organisations.id],
    }),
    index('wishes_region_idx').on(t.tenantId, t.regionCode.op('text_pattern_ops'), t.placedAt),
    index('wishes_wall_idx').on(t.tenantId, t.state, t.placedAt),
    index('wishes_beneficiary_idx').on(t.tenantId, t.beneficiaryUserId, t.placedAt),
    index('wishes_placed_by_idx').on(t.tenantId, t.placedBy, t.placedAt),
    index('wishes_claimer_idx').on(t.tenantId, t.claimerUserId, t.placedAt),
    index('wishes_claimer_org_idx').on(t.tenantId, t.claimerOrganisationId, t.placedAt),
    index('wishes_deadline_idx').on(t.tenantId, t.deadline).where(sql`state in ('submitted', 'approved')`),
  ],
);

/** Every transition of a wish, in order: its timeline. */
export const wishEvents = pgTable(
  'wish_events',
  {
    tenantId: text('tenant_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    wishId: uuid('wish_id').notNull(),
    event: text('event').notNull(),
    fromState: text('from_state', { enum: wishStates }),
    toState: text('to_state', { enum: wishStates }).notNull(),
    actorUserId: uuid('actor_user_id'),
    actorName: text('actor_name'),
    note: text('note'),
    data: jsonb('data').$type<Record<string, unknown>>(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.id] }),
    foreignKey({ columns: [t.tenantId, t.wishId], foreignColumns: [wishes.tenantId, wishes.id] }).onDelete('cascade'),
    index('wish_events_wish_idx').on(t.tenantId, t.wishId, t.at),
  ],
);

/** A tenant's micro-wish settings (the defaults in `shared/wish-settings.ts` until a centre admin changes them). */
export const wishSettings = pgTable('wish_settings', {
  tenantId: text('tenant_id')
    .primaryKey()
    .references(() => tenants.id),
  personClaimLimit: smallint('person_claim_limit').notNull().default(3),
  organisationClaimLimit: smallint('organisation_claim_limit').notNull().default(10),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
