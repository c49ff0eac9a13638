import { asc, eq } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx, requireActor } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { setSkillQualification, skills } from '../volunteers/index.js';

const present = (s: { code: string; name: string; nameEn: string; active: boolean; qualification: boolean }) => ({
  code: s.code,
  name: s.name,
  nameEn: s.nameEn,
  active: s.active,
  qualification: s.qualification,
});

/** The skills taxonomy with which skills are qualifications (资质目录), for staff. */
export async function listSkillQualifications(ctx: Ctx) {
  const actor = requireActor(ctx);
  const rows = await ctx.db
    .select()
    .from(skills)
    .where(eq(skills.tenantId, actor.tenantId))
    .orderBy(asc(skills.sort), asc(skills.code));
  return { items: rows.map(present) };
}

/**
 * The centre admin makes a skill a qualification (from then on held only through a valid
 * qualification: declarations stop counting in dispatch, the pool and activity sign-up) or frees it.
 */
export async function flagSkillQualification(ctx: Ctx, code: string, qualification: boolean) {
  const actor = requireActor(ctx);
  return ctx.db.transaction(async (tx) => {
    const row = await setSkillQualification(tx, actor.tenantId, code, qualification);
    if (!row) throw new AppError('NOT_FOUND');
    await writeAudit(tx, auditContext(ctx), {
      action: 'academy.skill.qualification',
      entityType: 'skill',
      entityId: code,
      detail: { qualification },
    });
    return present(row);
  });
}
