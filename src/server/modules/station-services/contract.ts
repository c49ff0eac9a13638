import { z } from 'zod';
import { textLimits } from '../../../shared/text-limits.js';
import { named, pageQuery, phoneSchema } from '../../platform/contract.js';
import { zhEn } from '../../platform/validation-messages.js';

export const siteParams = z.object({ siteId: z.string().uuid() });
export const bookParams = siteParams.extend({ bookId: z.string().uuid() });
export const itemParams = siteParams.extend({ itemId: z.string().uuid() });

const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : undefined));

export const registerBookBody = z.object({
  title: text(textLimits.bookTitle),
  author: optionalText(textLimits.bookAuthor),
  isbn: z
    .string()
    .trim()
    .regex(/^(97[89])?\d{9}[\dXx]$/, { message: zhEn('ISBN为10位或13位数字', 'An ISBN has 10 or 13 digits') })
    .optional(),
  donor: optionalText(textLimits.bookDonor),
});

export const lendBookBody = z
  .object({
    borrowerUserId: z.string().uuid().optional(),
    phone: phoneSchema.optional(),
    name: optionalText(textLimits.borrowerName).describe('The borrower’s name; needed with a phone, registered or not'),
    days: z.number().int().min(1).max(180).default(30).describe('Loan period in days (default 30)'),
  })
  .refine((b) => (b.borrowerUserId ? 1 : 0) + (b.phone ? 1 : 0) === 1, {
    message: zhEn('请填写借阅人（用户或手机号，二选一）', 'Give the borrower: a user id or a phone number'),
    path: ['phone'],
  })
  // Needed whether or not the phone is registered, so that the answer never tells which it is.
  .refine((b) => !b.phone || !!b.name, {
    message: zhEn('请填写借阅人姓名', 'Give the borrower’s name'),
    path: ['name'],
  });

export const loanView = named(
  'BookLoan',
  z.object({
    id: z.string().uuid(),
    bookId: z.string().uuid(),
    bookTitle: z.string(),
    siteId: z.string().uuid(),
    borrowerUserId: z
      .string()
      .uuid()
      .nullable()
      .describe('Set only for a loan made to a user by id; a loan made by phone never says whether it has an account'),
    borrowerName: z.string(),
    borrowerPhoneMasked: z.string().nullable(),
    lentAt: z.string().datetime({ offset: true }),
    dueAt: z.string().datetime({ offset: true }),
    returnedAt: z.string().datetime({ offset: true }).nullable(),
    overdue: z.boolean(),
  }),
);

export const bookView = named(
  'DriftBook',
  z.object({
    id: z.string().uuid(),
    siteId: z.string().uuid(),
    title: z.string(),
    author: z.string().nullable(),
    isbn: z.string().nullable(),
    donor: z.string().nullable(),
    createdAt: z.string().datetime({ offset: true }),
    currentLoan: loanView.nullable(),
  }),
);

export const bookStates = ['all', 'available', 'lent', 'overdue'] as const;
export const booksQuery = pageQuery.extend({ state: z.enum(bookStates).default('all') });

export const loanStates = ['open', 'overdue', 'returned', 'all'] as const;
export const loansQuery = pageQuery.extend({
  siteId: z.string().uuid().optional(),
  state: z.enum(loanStates).default('open'),
});

export const createItemBody = z.object({
  name: text(textLimits.selfHelpItemName),
  unit: text(textLimits.selfHelpItemUnit).default('件'),
  quantity: z.number().int().min(0).max(100000).default(0).describe('Initial quantity, recorded as a restock'),
});

export const moveItemBody = z.object({
  quantity: z.number().int().min(1).max(100000),
  note: optionalText(textLimits.selfHelpMoveNote),
});

export const itemView = named(
  'SelfHelpItem',
  z.object({
    id: z.string().uuid(),
    siteId: z.string().uuid(),
    name: z.string(),
    unit: z.string(),
    quantity: z.number().int(),
  }),
);

export const movementView = named(
  'StockMovement',
  z.object({
    id: z.string().uuid(),
    itemId: z.string().uuid(),
    kind: z.enum(['restock', 'take']),
    delta: z.number().int(),
    quantityAfter: z.number().int(),
    note: z.string().nullable(),
    at: z.string().datetime({ offset: true }),
    actorName: z.string().nullable(),
  }),
);

export const publicServices = named(
  'PublicSiteServices',
  z.object({
    siteId: z.string().uuid(),
    bookDrift: z.object({ open: z.boolean(), total: z.number().int(), available: z.number().int() }),
    selfHelp: z.object({
      open: z.boolean(),
      items: z.array(
        z.object({ name: z.string(), unit: z.string(), quantity: z.number().int(), available: z.boolean() }),
      ),
    }),
  }),
);
