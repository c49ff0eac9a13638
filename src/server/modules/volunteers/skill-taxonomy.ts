import type { Db } from '../../platform/db.js';
import { skills } from './schema.js';

/** The starting taxonomy, after the service categories civilization-practice centres use. Editable per tenant. */
export const defaultSkills: ReadonlyArray<{ code: string; name: string; nameEn: string }> = [
  { code: 'theory', name: '理论宣讲', nameEn: 'Policy and theory talks' },
  { code: 'culture', name: '文化文艺', nameEn: 'Culture and arts' },
  { code: 'tutoring', name: '助学支教', nameEn: 'Tutoring and teaching' },
  { code: 'health', name: '医疗健康', nameEn: 'Medical care and health' },
  { code: 'science', name: '科学普及', nameEn: 'Science outreach' },
  { code: 'legal', name: '法律服务', nameEn: 'Legal aid' },
  { code: 'environment', name: '生态环保', nameEn: 'Environment' },
  { code: 'poverty', name: '扶贫帮困', nameEn: 'Poverty relief' },
  { code: 'elderly_disabled', name: '助老助残', nameEn: 'Elderly and disability care' },
  { code: 'emergency', name: '应急救援', nameEn: 'Emergency rescue' },
  { code: 'civility', name: '文明交通', nameEn: 'Traffic and public civility' },
  { code: 'psychology', name: '心理疏导', nameEn: 'Counselling' },
  { code: 'sports', name: '体育健身', nameEn: 'Sports and fitness' },
  { code: 'community', name: '社区治理', nameEn: 'Community affairs' },
  { code: 'photo_media', name: '摄影宣传', nameEn: 'Photography and media' },
  { code: 'repair', name: '维修便民', nameEn: 'Repairs and small services' },
];

/** Inserts the default taxonomy for a tenant; existing entries (possibly renamed by the tenant) are kept. */
export async function seedSkillTaxonomy(db: Db, tenantId: string): Promise<void> {
  await db
    .insert(skills)
    .values(defaultSkills.map((s, i) => ({ tenantId, ...s, sort: (i + 1) * 10 })))
    .onConflictDoNothing({ target: [skills.tenantId, skills.code] });
}
