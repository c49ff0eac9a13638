import { z } from 'zod';
import { named, pageQuery } from '../../platform/contract.js';
import { zhEn } from '../../platform/validation-messages.js';
import { limitPeriods, redemptionStatuses, stockMovementKinds } from './schema.js';

export const siteParams = z.object({ siteId: z.string().uuid() });
export const idParams = z.object({ id: z.string().uuid() });

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

const quantity = (max: number) => z.number().int().min(1).max(max);

const goodsFields = {
  name: text(50),
  description: optionalText(500),
  photoFileId: z.string().uuid().nullish().describe('An uploaded photo (POST /files, purpose photo)'),
  pricePoints: z.number().int().min(1).max(1_000_000).describe('Points per piece'),
  limitQuantity: z.number().int().min(1).max(1000).nullish().describe('At most this many per person per period'),
  limitPeriod: z.enum(limitPeriods).nullish(),
  merchantId: z.string().uuid().nullish().describe('The caring merchant (an organisation) that donates it'),
};

const limitRefine = <T extends { limitQuantity?: number | null; limitPeriod?: string | null }>(b: T) =>
  !b.limitQuantity === !b.limitPeriod;
const limitMessage = {
  message: zhEn('限兑数量和周期需同时填写', 'Give both the limit and its period, or neither'),
  path: ['limitPeriod'],
};

export const createGoodsBody = z
  .object({ ...goodsFields, stock: z.number().int().min(0).max(100_000).default(0).describe('Initial stock') })
  .refine(limitRefine, limitMessage);

export const updateGoodsBody = z
  .object({ ...goodsFields, active: z.boolean().default(true) })
  .refine(limitRefine, limitMessage);

export const restockBody = z.object({
  quantity: quantity(100_000),
  merchantId: z.string().uuid().nullish().describe('Records a donation by this caring merchant'),
  donatedOn: z.iso.date().optional().describe('The day of the donation (default today)'),
  note: optionalText(200),
});

export const stocktakeBody = z.object({
  counted: z.number().int().min(0).max(1_000_000).describe('The quantity counted on the shelf'),
  reason: text(200),
});

export const redeemBody = z.object({
  goodsId: z.string().uuid(),
  quantity: quantity(100).default(1),
});

export const pickupBody = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{8}$/, { message: zhEn('取货码为8位数字', 'A pickup code has 8 digits') }),
});

export const settingsBody = z.object({
  pickupDays: z.number().int().min(1).max(90).describe('Days a redemption waits for pickup before it is released'),
});

export const storesQuery = z.object({
  lat: z.coerce.number().min(-90).max(90).optional(),
  lng: z.coerce.number().min(-180).max(180).optional(),
});

export const myRedemptionsQuery = pageQuery.extend({ status: z.enum(redemptionStatuses).optional() });
export const pickupsQuery = pageQuery.extend({
  date: z.iso.date().optional().describe('A day in China time (default today)'),
});

const time = z.string().datetime({ offset: true });

export const storeSiteView = named(
  'StoreSite',
  z.object({
    id: z.string().uuid(),
    name: z.string(),
    regionCode: z.string(),
    regionName: z.string().nullable(),
    address: z.string().nullable(),
    openingHours: z.string().nullable(),
    distanceMeters: z.number().int().nullable(),
    mine: z.boolean().describe('In the caller’s own community'),
    goodsCount: z.number().int(),
  }),
);

const merchantRef = z.object({ id: z.string().uuid(), name: z.string() }).nullable();

export const goodsView = named(
  'StoreGoods',
  z.object({
    id: z.string().uuid(),
    siteId: z.string().uuid(),
    name: z.string(),
    description: z.string().nullable(),
    photoFileId: z.string().uuid().nullable(),
    photoUrl: z.string().nullable(),
    pricePoints: z.number().int(),
    stock: z.number().int(),
    limitQuantity: z.number().int().nullable(),
    limitPeriod: z.enum(limitPeriods).nullable(),
    merchant: merchantRef,
    active: z.boolean(),
  }),
);

export const shopGoodsView = named(
  'StoreShopGoods',
  goodsView.extend({
    myRemaining: z
      .number()
      .int()
      .nullable()
      .describe('How many more the caller may redeem this period (null: no limit)'),
  }),
);

export const shopView = named(
  'StoreShop',
  z.object({
    site: storeSiteView,
    balance: z.number().int().describe('The caller’s spendable points'),
    goods: z.array(shopGoodsView),
  }),
);

export const movementView = named(
  'StoreStockMovement',
  z.object({
    id: z.string().uuid(),
    kind: z.enum(stockMovementKinds),
    delta: z.number().int(),
    stockAfter: z.number().int(),
    note: z.string().nullable(),
    at: time,
    actorName: z.string().nullable(),
  }),
);

export const redemptionView = named(
  'StoreRedemption',
  z.object({
    id: z.string().uuid(),
    siteId: z.string().uuid(),
    siteName: z.string(),
    goodsId: z.string().uuid(),
    goodsName: z.string(),
    quantity: z.number().int(),
    points: z.number().int(),
    status: z.enum(redemptionStatuses),
    pickupCode: z.string().nullable().describe('Only to the volunteer, and only while it waits for pickup'),
    createdAt: time,
    expiresAt: time,
    closedAt: time.nullable(),
  }),
);

export const deskRedemptionView = named(
  'StoreDeskRedemption',
  redemptionView.omit({ pickupCode: true }).extend({ volunteerName: z.string() }),
);

export const redeemedView = named(
  'StoreRedeemed',
  redemptionView.extend({ balance: z.number().int().describe('Spendable points after the hold') }),
);

export const merchantView = named(
  'StoreMerchant',
  z.object({
    id: z.string().uuid(),
    name: z.string(),
    donations: z.number().int().describe('Donation records'),
    donatedQuantity: z.number().int(),
    redeemedQuantity: z.number().int().describe('Pieces of its goods handed over to volunteers'),
  }),
);

export const donationView = named(
  'StoreDonation',
  z.object({
    id: z.string().uuid(),
    goodsId: z.string().uuid(),
    goodsName: z.string(),
    siteName: z.string(),
    quantity: z.number().int(),
    donatedOn: z.string(),
    note: z.string().nullable(),
  }),
);

export const settingsView = named('StoreSettings', z.object({ pickupDays: z.number().int() }));

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

export const myMerchantView = named(
  'StoreMyMerchant',
  z.object({
    id: z.string().uuid(),
    name: z.string(),
    donatedQuantity: z.number().int(),
    redeemedQuantity: z.number().int().describe('Pieces of its goods handed over to volunteers'),
    goods: z.array(
      z.object({
        goodsId: z.string().uuid(),
        goodsName: z.string(),
        siteName: z.string(),
        donatedQuantity: z.number().int(),
        redeemedQuantity: z.number().int(),
        reservedQuantity: z.number().int().describe('Redeemed, waiting for pickup'),
        lastDonatedOn: z.string(),
      }),
    ),
  }),
);
