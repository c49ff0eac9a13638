import { and, eq } from 'drizzle-orm';
import { userByPhone } from '../modules/accounts/index.js';
import { families, familyMembers } from '../modules/families/index.js';
import { organisationMembers, organisations } from '../modules/organisations/index.js';
import type { Db } from '../platform/db.js';

const JINGYUAN = '371002002';
const BEIMENWAI = '371002002005';

/**
 * Teams, organisations and a family for the demo: 鲸园蓝志愿服务队 (approval; its org admin 13800000004
 * is its leader), a caring merchant and a bank outlet in 鲸园街道, and the 李 family in 北门外社区
 * (head 13800000005, with 13800000006 as a parent).
 */
export async function seedPeopleAndPlaces(tx: Db, tenantId: string): Promise<void> {
  const userId = async (phone: string) => {
    const u = await userByPhone(tx, tenantId, phone);
    if (!u) throw new Error(`demo user ${phone} missing`);
    return u.id;
  };
  const [team] = await tx
    .update(organisations)
    .set({
      joinMode: 'approval',
      description: '鲸园街道的志愿服务队，开展“蓝色周六”系列志愿服务：环境整治、助老服务、文明劝导。',
      contactPhone: '13800000004',
    })
    .where(and(eq(organisations.tenantId, tenantId), eq(organisations.name, '鲸园蓝志愿服务队')))
    .returning({ id: organisations.id });
  if (!team) throw new Error('demo team missing');
  await tx
    .insert(organisationMembers)
    .values({ tenantId, organisationId: team.id, userId: await userId('13800000004'), role: 'leader' });

  await tx.insert(organisations).values([
    {
      tenantId,
      kind: 'caring_merchant',
      name: '鲸园暖心便民超市',
      regionCode: JINGYUAN,
      description: '爱心商户：为先锋超市捐赠生活用品，为志愿者提供饮水与休息。',
      contactPhone: '13900000011',
      joinMode: 'invitation',
    },
    {
      tenantId,
      kind: 'bank_outlet',
      name: '威海银行鲸园支行',
      regionCode: JINGYUAN,
      description: '银行网点志愿服务站：反诈宣传、金融知识进社区，网点内设爱心驿站。',
      contactPhone: '13900000012',
      joinMode: 'invitation',
    },
  ]);

  const head = await userId('13800000005');
  const [family] = await tx
    .insert(families)
    .values({ tenantId, name: '李志愿家庭', regionCode: BEIMENWAI, headUserId: head })
    .returning({ id: families.id });
  if (!family) throw new Error('insert failed');
  const now = new Date();
  await tx.insert(familyMembers).values([
    { tenantId, familyId: family.id, userId: head, relation: 'self', status: 'active', joinedAt: now },
    {
      tenantId,
      familyId: family.id,
      userId: await userId('13800000006'),
      relation: 'parent',
      status: 'active',
      joinedAt: now,
    },
  ]);
}
