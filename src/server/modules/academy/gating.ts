import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { skills } from '../volunteers/index.js';
import { validQualificationCodes, validQualificationSpans } from './qualifications.js';

/**
 * What gating needs to know about some people at `now`: the skills that are qualifications (held
 * only through a valid qualification), and the codes each person holds validly (verified, unexpired
 * at `now` and, when given, still at `through`: the end of the service the facts are for).
 */
export interface QualificationFacts {
  gated: Set<string>;
  valid: Map<string, string[]>;
}

export async function qualificationFacts(
  db: Db,
  tenantId: string,
  userIds: string[],
  now: Date,
  through?: Date,
): Promise<QualificationFacts> {
  const [gatedRows, valid] = await Promise.all([
    db
      .select({ code: skills.code })
      .from(skills)
      .where(and(eq(skills.tenantId, tenantId), eq(skills.qualification, true))),
    validQualificationCodes(db, tenantId, userIds, now, through),
  ]);
  return { gated: new Set(gatedRows.map((r) => r.code)), valid };
}

/**
 * The skills a person can serve with: what they declared, less the qualifications (a declaration
 * proves none), plus every code they hold a valid qualification of.
 */
export function servedSkills(facts: QualificationFacts, userId: string, declared: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const code of declared) if (!facts.gated.has(code)) out.add(code);
  for (const code of facts.valid.get(userId) ?? []) out.add(code);
  return [...out];
}

/**
 * One person's qualifications valid at `now`, each with how long it stays valid (null: no expiry),
 * so that the same facts answer for services on different dates (a volunteer's list of open orders).
 */
export interface HeldQualifications {
  gated: Set<string>;
  validUntil: Map<string, Date | null>;
}

export async function heldQualifications(
  db: Db,
  tenantId: string,
  userId: string,
  now: Date,
): Promise<HeldQualifications> {
  const [gatedRows, rows] = await Promise.all([
    db
      .select({ code: skills.code })
      .from(skills)
      .where(and(eq(skills.tenantId, tenantId), eq(skills.qualification, true))),
    validQualificationSpans(db, tenantId, userId, now),
  ]);
  return heldFrom(
    gatedRows.map((r) => r.code),
    rows,
  );
}

/**
 * `HeldQualifications` from the skills that are qualifications and one person's valid
 * qualifications (pure: for callers that read both in a statement of their own): each code valid
 * for as long as its longest-lasting qualification (null: one has no expiry).
 */
export function heldFrom(
  gatedCodes: Iterable<string>,
  spans: { code: string; expiresAt: Date | null }[],
): HeldQualifications {
  const validUntil = new Map<string, Date | null>();
  for (const r of spans) {
    const seen = validUntil.get(r.code);
    if (seen === null) continue;
    if (r.expiresAt === null || seen === undefined || r.expiresAt > seen) validUntil.set(r.code, r.expiresAt);
  }
  return { gated: new Set(gatedCodes), validUntil };
}

/**
 * The skills a person can serve with on a service ending `through` (pure): the declared ones that
 * are no qualification, plus every qualification still valid then, the rule `servedSkills` applies
 * with `qualificationFacts(…, now, through)`.
 */
export function servedSkillsThrough(held: HeldQualifications, declared: Iterable<string>, through: Date): string[] {
  const out = new Set<string>();
  for (const code of declared) if (!held.gated.has(code)) out.add(code);
  for (const [code, until] of held.validUntil) if (until === null || until > through) out.add(code);
  return [...out];
}
