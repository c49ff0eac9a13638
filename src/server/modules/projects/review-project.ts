import type { Ctx } from '../../platform/context.js';
import type { Db } from '../../platform/db.js';
import { AppError } from '../../platform/errors.js';
import { findCall, isOpen } from './list-calls.js';
import type { ProjectRow } from './machine.js';
import { missingFields } from './required-fields.js';
import { nextReviewer, reviewChain } from './review-chain.js';
import { takeStep } from './take-step.js';

async function checkSubmission(db: Db, project: ProjectRow) {
  const call = await findCall(db, project.tenantId, project.callId);
  if (!call || !isOpen(call)) throw new AppError('PROJECT_CALL_CLOSED');
  const missing = missingFields(project, call.requiredFields);
  if (missing.length)
    throw new AppError(
      'PROJECT_INCOMPLETE',
      missing.map((m) => ({ field: `body.${m.field}`, message: `请填写${m.zh}`, messageEn: `Fill in ${m.en}` })),
    );
}

/** The applicant submits a draft, or resubmits a returned project: review starts at the lowest level again. */
export const submitProject = (ctx: Ctx, id: string) =>
  takeStep(ctx, id, {
    event: (p) => (p.state === 'returned' ? 'resubmit' : 'submit'),
    check: checkSubmission,
    writes: (p, now) => ({ reviewRegionCode: reviewChain(p.regionCode, p.level)[0] as string, submittedAt: now }),
  });

/** The reviewer of the current level approves: up to the next level, or into the library at the last. */
export const approveProject = (ctx: Ctx, id: string, comment?: string) =>
  takeStep(ctx, id, {
    event: (_p, v) => (v.finalStep ? 'approve' : 'pass'),
    comment,
    writes: (p, now) => {
      const next = p.reviewRegionCode ? nextReviewer(reviewChain(p.regionCode, p.level), p.reviewRegionCode) : null;
      return next ? { reviewRegionCode: next } : { reviewRegionCode: null, decidedAt: now };
    },
  });

export const returnProject = (ctx: Ctx, id: string, comment: string) =>
  takeStep(ctx, id, { event: () => 'return', comment, writes: () => ({ reviewRegionCode: null }) });

export const rejectProject = (ctx: Ctx, id: string, comment: string) =>
  takeStep(ctx, id, {
    event: () => 'reject',
    comment,
    writes: (_p, now) => ({ reviewRegionCode: null, decidedAt: now }),
  });

export const concludeProject = (ctx: Ctx, id: string, comment?: string) =>
  takeStep(ctx, id, { event: () => 'conclude', comment, writes: () => ({}) });
