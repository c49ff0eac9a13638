/**
 * A project's life as data: 草稿 → 提交 → 逐级审核 (通过报上级 / 退回修改 / 不予通过) → 入库 → 结项.
 * The use cases take events through `apply`; `actionsFor` sends the same rules to the web.
 */
import type { Actor } from '../../platform/access.js';
import { can, machineFromTable } from '../../platform/state-machine.js';
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

/** The guard of an event: a test of the actor's relation to the project. */
const when = (test: (v: ProjectViewer) => boolean) => ({ when: (r: GuardedProject, _actor: Actor) => test(r.viewer) });

export const projectMachine = machineFromTable<ProjectState, ProjectEvent, GuardedProject>({
  subject: { zh: '项目', en: 'project' },
  stateOf: (r) => r.project.state,
  states: [
    ['draft', '草稿', 'draft'],
    ['submitted', '审核中', 'under review'],
    ['returned', '退回修改', 'returned for revision'],
    ['rejected', '未通过', 'rejected'],
    ['approved', '已入库', 'in the library'],
    ['concluded', '已结项', 'concluded'],
  ],
  events: [
    ['submit', '提交申报', 'submit', 'draft', 'submitted', when((v) => v.isApplicant)],
    ['resubmit', '重新提交', 'resubmit', 'returned', 'submitted', when((v) => v.isApplicant)],
    [
      'pass',
      '审核通过，报上级',
      'approve and pass up',
      'submitted',
      'submitted',
      when((v) => v.reviewerNow && !v.finalStep),
    ],
    [
      'approve',
      '审核通过，入库',
      'approve into the library',
      'submitted',
      'approved',
      when((v) => v.reviewerNow && v.finalStep),
    ],
    ['return', '退回修改', 'return for revision', 'submitted', 'returned', when((v) => v.reviewerNow)],
    ['reject', '不予通过', 'reject', 'submitted', 'rejected', when((v) => v.reviewerNow)],
    ['conclude', '结项', 'conclude', 'approved', 'concluded', when((v) => v.topStaff)],
  ],
});

/** The buttons: which events the actor may take on the project now. */
export const actionsFor = (project: ProjectRow, viewer: ProjectViewer, actor: Actor | null) =>
  can(projectMachine, { project, viewer }, actor);

export const stateLabel = (state: ProjectState) => projectMachine.states[state];
