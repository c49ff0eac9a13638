import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { assertInScope } from '../../platform/access.js';
import { writeAudit } from '../../platform/audit.js';
import { auditContext, type Ctx, requireActor } from '../../platform/context.js';
import { fieldError } from '../../platform/errors.js';
import { attachFiles } from '../../platform/files.js';
import { skills } from '../volunteers/index.js';
import type { courseBody } from './contract.js';
import { getCourse } from './get-course.js';
import { partnerExists } from './partners.js';
import { academyCourses } from './schema.js';

/** The checks a course's input passes on create and on edit: partner, qualification code, validity. */
export async function checkCourseInput(ctx: Ctx, input: z.output<typeof courseBody>) {
  const actor = requireActor(ctx);
  assertInScope(actor, input.regionCode);
  if (input.partnerId && !(await partnerExists(ctx, input.partnerId)))
    throw fieldError('body.partnerId', '未找到该合作机构', 'No such partner');
  if (input.qualificationCode) {
    const [skill] = await ctx.db
      .select({ code: skills.code })
      .from(skills)
      .where(and(eq(skills.tenantId, actor.tenantId), eq(skills.code, input.qualificationCode)));
    if (!skill)
      throw fieldError('body.qualificationCode', '资质代码不在本区技能目录中', 'Not a code of the skills taxonomy');
  }
  if (input.validMonths !== null && !input.qualificationCode)
    throw fieldError(
      'body.validMonths',
      '有效期只适用于颁发资质的课程',
      'Validity applies to courses granting a qualification',
    );
  return actor;
}

/** Creates a course in the caller's scope; its document materials must be the caller's own uploads. */
export async function createCourse(ctx: Ctx, input: z.output<typeof courseBody>) {
  const actor = await checkCourseInput(ctx, input);
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(academyCourses)
      .values({ tenantId: actor.tenantId, ...input, createdBy: actor.userId })
      .returning({ id: academyCourses.id });
    if (!row) throw new Error('insert failed');
    await attachFiles(tx, {
      tenantId: actor.tenantId,
      ids: input.materials.flatMap((m) => (m.kind === 'file' ? [m.fileId] : [])),
      ownerId: actor.userId,
      purpose: 'attachment',
      regionCode: input.regionCode,
      field: 'body.materials',
    });
    await writeAudit(tx, auditContext(ctx), {
      action: 'academy.course.create',
      entityType: 'academy_course',
      entityId: row.id,
      regionCode: input.regionCode,
      detail: { title: input.title, qualificationCode: input.qualificationCode },
    });
    return row.id;
  });
  return getCourse(ctx, id);
}
