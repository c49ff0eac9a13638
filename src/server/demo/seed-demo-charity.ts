/**
 * The demo's charity sales (合成演示数据): last year's three 雷锋巷 sales of 鲸园蓝爱心基金, stalls
 * mostly of 鲸园蓝 volunteer families, just over 15,000 yuan in all, and paid disbursements to four
 * families, each approved by two people. Every yuan goes through the ledger as in real use, so the
 * public reports show the seed's figures. Deterministic: the same amounts on every machine.
 */
import { and, eq } from 'drizzle-orm';
import {
  charityDisbursements,
  charityEvents,
  charityFunds,
  charitySales,
  charityStalls,
  insertBeneficiary,
  openFundAccounts,
} from '../modules/charity/index.js';
import type { Config } from '../platform/config.js';
import type { Db } from '../platform/db.js';
import { postTransaction } from '../platform/ledger.js';
import { generator } from './synthetic.js';

type Category = typeof charityStalls.$inferInsert.category;

const STALLS: [string, 'family' | 'team' | 'merchant', string, Category][] = [
  ['美食摊', 'family', '鲸园蓝·王家志愿之家', 'food'],
  ['图书角', 'family', '鲸园蓝·李家志愿之家', 'books'],
  ['玩具摊', 'family', '鲸园蓝·张家志愿之家', 'toys'],
  ['百货摊', 'family', '鲸园蓝·刘家志愿之家', 'goods'],
  ['化妆品摊', 'merchant', '鲸园爱心便利店', 'cosmetics'],
  ['手工艺品摊', 'family', '鲸园蓝·陈家志愿之家', 'crafts'],
  ['书法摊', 'team', '鲸园蓝志愿服务队', 'calligraphy'],
  ['爱心义剪', 'team', '鲸园蓝志愿服务队', 'haircut'],
];

/** Fen raised at each sale: 5,212.60 + 4,786.40 + 5,264.80 = 15,263.80 yuan. */
const EVENTS: [string, string, number][] = [
  ['03-05', '学雷锋日爱心义卖', 521_260],
  ['06-01', '六一童心爱心义卖', 478_640],
  ['12-05', '国际志愿者日爱心义卖', 526_480],
];

const FAMILIES: [string, string, number, 'living' | 'medical' | 'education' | 'holiday'][] = [
  ['于桂兰', '独居老人，低保', 350_000, 'living'],
  ['孙建军', '重病治疗，家庭困难', 400_000, 'medical'],
  ['曲小雨', '单亲家庭，子女上学', 300_000, 'education'],
  ['丛爱华', '残疾人家庭', 250_000, 'holiday'],
];

export interface CharitySeedPeople {
  organiserId: string;
  keeperIds: string[];
  approverIds: [string, string];
}

export async function seedDemoCharity(
  tx: Db,
  config: Config,
  tenantId: string,
  people: CharitySeedPeople,
  now = new Date(),
) {
  const year = now.getUTCFullYear() - 1;
  const rnd = generator(20261214);
  const [fund] = await tx
    .insert(charityFunds)
    .values({
      tenantId,
      name: '鲸园蓝爱心基金',
      regionCode: '371002002',
      description: '鲸园街道爱心义卖善款，专款用于辖区困难家庭帮扶（演示数据）',
      synthetic: true,
    })
    .returning();
  if (!fund) throw new Error('fund insert failed');
  const accounts = await openFundAccounts(tx, tenantId, fund);
  const eventIds: string[] = [];
  for (const [day, title, target] of EVENTS) {
    const heldOn = `${year}-${day}`;
    const at = new Date(`${heldOn}T02:00:00Z`);
    const [event] = await tx
      .insert(charityEvents)
      .values({
        tenantId,
        title: `${title}（演示）`,
        heldOn,
        regionCode: '371002002005',
        address: '雷锋巷',
        organiserUserId: people.organiserId,
        fundId: fund.id,
        state: 'reported',
        openedAt: at,
        closedAt: new Date(at.getTime() + 6 * 3_600_000),
        closedBy: people.organiserId,
        reportedAt: new Date(at.getTime() + 3 * 86_400_000),
        synthetic: true,
      })
      .returning();
    if (!event) throw new Error('event insert failed');
    eventIds.push(event.id);
    const stalls = await tx
      .insert(charityStalls)
      .values(
        STALLS.map(([name, holderKind, holderName, category], i) => ({
          tenantId,
          eventId: event.id,
          name,
          holderKind,
          holderName,
          category,
          keeperUserId: people.keeperIds[i % people.keeperIds.length] as string,
        })),
      )
      .returning();
    let left = target;
    let cash = 0;
    for (let i = 0; left > 0; i += 1) {
      const stall = stalls[i % stalls.length] as (typeof stalls)[number];
      const amountFen = Math.min(left, rnd.int(4, 60) * 500);
      left -= amountFen;
      const method = rnd.pick(['cash', 'cash', 'wechat', 'alipay'] as const);
      if (method === 'cash') cash += amountFen;
      const [sale] = await tx
        .insert(charitySales)
        .values({
          tenantId,
          eventId: event.id,
          stallId: stall.id,
          amountFen,
          method,
          paymentRef: method === 'cash' ? null : `DEMO${year}${day.replace('-', '')}${String(i).padStart(4, '0')}`,
          clientKey: `demo:${event.id}:${i}`,
          recordedBy: stall.keeperUserId,
          recordedAt: new Date(at.getTime() + i * 60_000),
        })
        .returning();
      if (!sale) throw new Error('sale insert failed');
      await postTransaction(tx, tenantId, {
        kind: 'charity.sale',
        entries: [
          { accountId: accounts.sales.id, amount: -amountFen },
          { accountId: accounts.fund.id, amount: amountFen },
        ],
        memo: `${stall.name}（演示）`,
        source: { type: 'charity_sale', id: sale.id },
        idempotencyKey: `charity.sale:${sale.id}`,
        actorId: stall.keeperUserId,
        data: {
          fundId: fund.id,
          eventId: event.id,
          stallId: stall.id,
          category: stall.category,
          method,
          on: heldOn,
        },
      });
    }
    await tx
      .update(charityEvents)
      .set({ countedCashFen: cash, recordedCashFen: cash })
      .where(and(eq(charityEvents.tenantId, tenantId), eq(charityEvents.id, event.id)));
  }
  for (const [i, [name, situation, amountFen, purpose]] of FAMILIES.entries()) {
    const beneficiary = await insertBeneficiary(
      tx,
      { config },
      {
        tenantId,
        name,
        regionCode: '371002002005',
        situation: `${situation}（演示）`,
        registeredBy: people.organiserId,
        synthetic: true,
      },
    );
    const paidAt = new Date(`${year}-12-${String(10 + i * 3).padStart(2, '0')}T03:00:00Z`);
    const [d] = await tx
      .insert(charityDisbursements)
      .values({
        tenantId,
        fundId: fund.id,
        beneficiaryId: beneficiary.id,
        eventId: eventIds[i % eventIds.length] ?? null,
        regionCode: fund.regionCode,
        amountFen,
        purpose,
        note: '合成演示数据',
        state: 'paid',
        requestedBy: people.organiserId,
        requestedAt: new Date(paidAt.getTime() - 3 * 86_400_000),
        firstApproverId: people.approverIds[0],
        firstApprovedAt: new Date(paidAt.getTime() - 2 * 86_400_000),
        secondApproverId: people.approverIds[1],
        secondApprovedAt: new Date(paidAt.getTime() - 86_400_000),
        paymentRef: `DEMO-BANK-${year}12${i + 1}`,
        paidBy: people.approverIds[0],
        paidAt,
      })
      .returning();
    if (!d) throw new Error('disbursement insert failed');
    const posted = await postTransaction(tx, tenantId, {
      kind: 'charity.disbursement',
      entries: [
        { accountId: accounts.fund.id, amount: -amountFen },
        { accountId: accounts.paid.id, amount: amountFen },
      ],
      memo: `${purpose} · ${d.paymentRef}`,
      source: { type: 'charity_disbursement', id: d.id },
      idempotencyKey: `charity.disbursement:${d.id}`,
      actorId: people.approverIds[0],
      data: {
        fundId: fund.id,
        eventId: d.eventId,
        beneficiaryId: beneficiary.id,
        purpose,
        on: paidAt.toISOString().slice(0, 10),
      },
    });
    await tx
      .update(charityDisbursements)
      .set({ transactionId: posted.id })
      .where(and(eq(charityDisbursements.tenantId, tenantId), eq(charityDisbursements.id, d.id)));
  }
}
