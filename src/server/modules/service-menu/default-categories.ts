import type { Db } from '../../platform/db.js';
import { serviceCategories } from './schema.js';

/** The categories civilization-practice centres use for their menus. Editable per tenant. */
export const defaultCategories: ReadonlyArray<{ code: string; name: string; nameEn: string }> = [
  { code: 'policy', name: '理论政策宣讲', nameEn: 'Policy and theory talks' },
  { code: 'culture', name: '文化文艺', nameEn: 'Culture and arts' },
  { code: 'tutoring', name: '助学支教', nameEn: 'Tutoring and teaching' },
  { code: 'health', name: '医疗健康', nameEn: 'Medical care and health' },
  { code: 'science', name: '科学普及', nameEn: 'Science outreach' },
  { code: 'legal', name: '法律服务', nameEn: 'Legal aid' },
  { code: 'environment', name: '卫生环保', nameEn: 'Sanitation and environment' },
  { code: 'poverty', name: '扶贫帮困', nameEn: 'Poverty relief' },
  { code: 'elderly_disabled', name: '助老助残', nameEn: 'Elderly and disability care' },
  { code: 'convenience', name: '便民服务', nameEn: 'Everyday services' },
  { code: 'psychology', name: '心理关爱', nameEn: 'Mental health care' },
];

/** Inserts the default categories for a tenant; existing ones (possibly renamed) are kept. */
export async function seedServiceCategories(db: Db, tenantId: string): Promise<void> {
  await db
    .insert(serviceCategories)
    .values(defaultCategories.map((c, i) => ({ tenantId, ...c, sort: (i + 1) * 10 })))
    .onConflictDoNothing({ target: [serviceCategories.tenantId, serviceCategories.code] });
}
