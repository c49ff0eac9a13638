import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db.js';
import { skills } from './schema.js';

/**
 * Marks a skill of the taxonomy as a qualification (held only through a valid academy
 * qualification) or not. Answers the skill as it now stands, or null when the code is unknown.
 */
export async function setSkillQualification(db: Db, tenantId: string, code: string, qualification: boolean) {
  const [row] = await db
    .update(skills)
    .set({ qualification })
    .where(and(eq(skills.tenantId, tenantId), eq(skills.code, code)))
    .returning();
  return row ?? null;
}
