import { invalidOption } from '../errors/InvalidInputError.js';
import { compileDateFormat, ISO_DATE_FORMAT, type DayParser } from '../time/compileDateFormat.js';
import type { InvalidRowPolicy, ReturnsPolicy, RowPolicyOptions } from './options.js';
import { resolveRowChecks, type RowChecks } from './rowChecks.js';

export type { RowPolicyOptions } from './options.js';

/** Row-reading options, validated, with defaults applied. @internal */
export interface RowPolicies {
  readonly parseDay: DayParser;
  /** The date format as said in messages: `yyyy-MM-dd` for ISO. */
  readonly expectedDate: string;
  /** Whether numeric dates are digits in the declared format (any format but ISO). */
  readonly digitsAreFormatted: boolean;
  readonly onInvalid: InvalidRowPolicy;
  readonly returns: ReturnsPolicy;
  readonly reveal: boolean;
  /** The row rules, for the {@link TransactionTableBuilder} the rows go into. */
  readonly checks: RowChecks;
}

/** Validates the shared row-reading options; throws {@link InvalidInputError} naming the option. @internal */
export function resolveRowPolicies(options: RowPolicyOptions): RowPolicies {
  const format = options.dateFormat ?? ISO_DATE_FORMAT;
  if (typeof format !== 'string' || format.length === 0) invalidOption('dateFormat', "expected 'iso' or a date-fns format string");
  const onInvalid = options.onInvalid ?? 'throw';
  if (onInvalid !== 'throw' && onInvalid !== 'collect') invalidOption('onInvalid', "expected 'throw' or 'collect'");
  const returns = options.returns ?? 'net';
  if (returns !== 'net' && returns !== 'drop' && returns !== 'reject') invalidOption('returns', "expected 'net', 'drop' or 'reject'");
  return {
    parseDay: compileDateFormat(format),
    expectedDate: format === ISO_DATE_FORMAT ? 'yyyy-MM-dd' : format,
    digitsAreFormatted: format !== ISO_DATE_FORMAT,
    onInvalid,
    returns,
    reveal: options.revealValues === true,
    checks: resolveRowChecks(options),
  };
}
