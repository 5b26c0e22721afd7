import { z } from 'zod';

/**
 * The zod schema of one input row's shape (types and finiteness). Date contents are checked
 * after it, against the declared format. Internal: the public contract is
 * {@link TransactionInput} and {@link InvalidInputError}.
 * @internal
 */
export const transactionRowSchema = z.object({
  customerId: z.union([z.string().min(1), z.number()]),
  date: z.union([z.date(), z.string(), z.number()]),
  amount: z.number(),
  cost: z.number().nullish(),
  quantity: z.number().nullish(),
  orderId: z.union([z.string().min(1), z.number()]).nullish(),
  promo: z.boolean().nullish(),
  discount: z.number().nonnegative().nullish(),
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
