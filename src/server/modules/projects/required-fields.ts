/** Which fields a submission still lacks: the call's required ones among the optional fields. Pure. */
import type { ProjectRow } from './machine.js';
import type { OptionalProjectField } from './schema.js';

const fieldInfo: Record<
  OptionalProjectField,
  { field: string; zh: string; en: string; filled: (p: ProjectRow) => boolean }
> = {
  brand: { field: 'brandId', zh: '所属品牌', en: 'the brand', filled: (p) => p.brandId !== null },
  objectives: { field: 'objectives', zh: '项目目标', en: 'the objectives', filled: (p) => p.objectives !== '' },
  beneficiaries: {
    field: 'beneficiaries',
    zh: '服务对象',
    en: 'the beneficiaries',
    filled: (p) => p.beneficiaries !== '',
  },
  regionsServed: {
    field: 'regionsServed',
    zh: '服务区域',
    en: 'the regions served',
    filled: (p) => p.regionsServed.length > 0,
  },
  plan: { field: 'plan', zh: '实施计划', en: 'the plan', filled: (p) => p.plan !== '' },
  budget: { field: 'budgetFen', zh: '项目预算', en: 'the budget', filled: (p) => p.budgetFen !== null },
  expectedOutputs: {
    field: 'expectedOutputs',
    zh: '预期成效',
    en: 'the expected outputs',
    filled: (p) => p.expectedOutputs !== '',
  },
};

export function missingFields(project: ProjectRow, required: readonly string[]) {
  return required
    .filter((f): f is OptionalProjectField => f in fieldInfo)
    .map((f) => fieldInfo[f])
    .filter((info) => !info.filled(project));
}
