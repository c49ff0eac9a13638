import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { skills } from '../volunteers/index.js';
import { validQualificationCodes } from './qualifications.js';

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
