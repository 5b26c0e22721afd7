import type { KeyList } from '../errors/knownKeys.js';
import type { RowCheckOptions } from './options.js';
import type { CustomerId } from './types.js';

/** Values of one validated row, ready to append. Optional numbers are `NaN` when absent. */
export interface ValidatedRow {
  customerId: CustomerId;
  day: number;
  amount: number;
  cost: number;
  quantity: number;
  orderId: string | number | null;
  /** 1 promo, 0 not, 255 unknown */
  promo: number;
  discount: number;
}

/** Options of {@link TransactionTableBuilder}: the row rules of {@link RowCheckOptions}, and sizing. */
export interface TransactionTableBuilderOptions extends RowCheckOptions {
  /** Rows to allocate for up front (the columns double as they fill). @defaultValue `1024` */
  initialCapacity?: number;
  /** Show the refused value (a date) in messages. @defaultValue `false` */
  revealValues?: boolean;
}

/** The option names of {@link TransactionTableBuilderOptions}. @internal */
export const TABLE_BUILDER_OPTION_KEYS: KeyList<TransactionTableBuilderOptions> = { initialCapacity: true, revealValues: true, dateRange: true, negativeCost: true, orderIds: true };
