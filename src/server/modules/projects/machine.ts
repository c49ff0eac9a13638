/**
 * A project's life as data: 草稿 → 提交 → 逐级审核 (通过报上级 / 退回修改 / 不予通过) → 入库 → 结项.
 * The use cases take events through `apply`; `actionsFor` sends the same rules to the web.
 */
import type { Actor } from '../../platform/access.js';
import { can, defineMachine } from '../../platform/state-machine.js';
import type { ProjectState, projects } from './schema.js';

export type ProjectRow = typeof projects.$inferSelect;

/** The actor's relation to one project (see viewer.ts). */
export interface ProjectViewer {
  /** Manages the applying organisation (its leader, an admin, an org_admin grant). */
  isApplicant: boolean;
  /** Staff whose scope holds the project's home region. */
  staffInScope: boolean;
  /** Holds a staff grant for exactly the region whose step it is now. */
  reviewerNow: boolean;
  /** The current step is the last of the chain (the call's level). */
  finalStep: boolean;
  /** Staff of the call's level over the project (may conclude it). */
  topStaff: boolean;
}

export interface GuardedProject {
  project: ProjectRow;
  viewer: ProjectViewer;
}

export type ProjectEvent = 'submit' | 'resubmit' | 'pass' | 'approve' | 'return' | 'reject' | 'conclude';

const when = (test: (v: ProjectViewer) => boolean) => (r: GuardedProject, _actor: Actor) => test(r.viewer);

export const projectMachine = defineMachine<ProjectState, ProjectEvent, GuardedProject>({
  subject: { zh: '项目', en: 'project' },
  stateOf: (r) => r.project.state,
  states: {
    draft: { zh: '草稿', en: 'draft' },
    submitted: { zh: '审核中', en: 'under review' },
    returned: { zh: '退回修改', en: 'returned for revision' },
    rejected: { zh: '未通过', en: 'rejected' },
    approved: { zh: '已入库', en: 'in the library' },
    concluded: { zh: '已结项', en: 'concluded' },
  },
  events: {
    submit: {
      label: { zh: '提交申报', en: 'submit' },
      from: ['draft'],
      to: 'submitted',
      when: when((v) => v.isApplicant),
    },
    resubmit: {
      label: { zh: '重新提交', en: 'resubmit' },
      from: ['returned'],
      to: 'submitted',
      when: when((v) => v.isApplicant),
    },
    pass: {
      label: { zh: '审核通过，报上级', en: 'approve and pass up' },
      from: ['submitted'],
      to: 'submitted',
      when: when((v) => v.reviewerNow && !v.finalStep),
    },
    approve: {
      label: { zh: '审核通过，入库', en: 'approve into the library' },
      from: ['submitted'],
      to: 'approved',
      when: when((v) => v.reviewerNow && v.finalStep),
    },
    return: {
      label: { zh: '退回修改', en: 'return for revision' },
      from: ['submitted'],
      to: 'returned',
      when: when((v) => v.reviewerNow),
    },
    reject: {
      label: { zh: '不予通过', en: 'reject' },
      from: ['submitted'],
      to: 'rejected',
      when: when((v) => v.reviewerNow),
    },
    conclude: {
      label: { zh: '结项', en: 'conclude' },
      from: ['approved'],
      to: 'concluded',
      when: when((v) => v.topStaff),
    },
  },
});

/** The buttons: which events the actor may take on the project now. */
export const actionsFor = (project: ProjectRow, viewer: ProjectViewer, actor: Actor | null) =>
  can(projectMachine, { project, viewer }, actor);

export const stateLabel = (state: ProjectState) => projectMachine.states[state];
