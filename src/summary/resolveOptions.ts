import { invalidOption } from '../errors/InvalidInputError.js';
import type { PeriodMode } from '../time/periodIndexer.js';
import { TIME_UNITS, type TimeUnit } from '../time/units.js';
import type { TimeUnitOptions } from './options.js';

/** Validated time options with defaults applied. @internal */
export function resolveTimeOptions(options: TimeUnitOptions): { unit: TimeUnit; mode: PeriodMode } {
  const unit = options.timeUnit ?? 'day';
  if (!TIME_UNITS.includes(unit)) invalidOption('timeUnit', "expected 'day', 'week', 'month' or 'year'");
  const mode = options.periods ?? 'exact';
  if (mode !== 'exact' && mode !== 'calendar') invalidOption('periods', "expected 'exact' or 'calendar'");
  return { unit, mode };
}
