import * as z from 'zod/mini';

/**
 * The zod schema of one input row's shape (types and finiteness). Date contents are checked
 * after it, against the declared format. Internal: the public contract is
 * {@link TransactionInput} and {@link InvalidInputError}. Written with `zod/mini`, whose
 * functions tree-shake, to keep the browser build small.
 * @internal
 */
export const transactionRowSchema = z.object({
  customerId: z.union([z.string().check(z.minLength(1)), z.number()]),
  date: z.union([z.date(), z.string(), z.number()]),
  amount: z.number(),
  cost: z.nullish(z.number()),
  quantity: z.nullish(z.number()),
  orderId: z.nullish(z.union([z.string().check(z.minLength(1)), z.number()])),
  promo: z.nullish(z.boolean()),
  discount: z.nullish(z.number().check(z.gte(0))),
});

/**
 * The schema of one count-only row (a purchase log without amounts): the same fields with
 * `amount` and `cost` absent. @internal
 */
export const countOnlyRowSchema = z.object({
  customerId: transactionRowSchema.shape.customerId,
  date: transactionRowSchema.shape.date,
  amount: z.optional(z.undefined()),
  cost: z.optional(z.undefined()),
  quantity: transactionRowSchema.shape.quantity,
  orderId: transactionRowSchema.shape.orderId,
  promo: transactionRowSchema.shape.promo,
  discount: transactionRowSchema.shape.discount,
});

/** What each field must be, as said in error messages. @internal */
export const FIELD_EXPECTATIONS: Readonly<Record<string, string>> = {
  customerId: 'a non-empty string or a finite number',
  amount: 'a finite number',
  cost: 'a finite number or nothing',
  quantity: 'a finite number or nothing',
  orderId: 'a non-empty string, a finite number or nothing',
  promo: 'true, false or nothing',
  discount: 'a finite number >= 0 or nothing',
};
