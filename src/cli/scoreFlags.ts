import type { ScoreCustomersOptions } from '../pipeline/types.js';
import type { TierBasis } from '../tiers/types.js';
import type { TimeUnit } from '../time/units.js';
import { numberFlag, oneOf, spanFlag, str, UsageError, type Flags } from './args.js';
import { loadOptionsFromFlags, SUMMARY_FLAGS, type LoadOptions } from './loadSummaries.js';
import { MODEL_FLAGS, modelChoiceFromFlags, type ModelChoice } from './modelFlags.js';
import { READ_BOOLEANS, READ_FLAGS } from './readTransactionFile.js';

/** The flags with a value that choose how `score` (and `report`) score the base. */
export const SCORE_OPTION_FLAGS = [...READ_FLAGS, ...SUMMARY_FLAGS, ...MODEL_FLAGS, 'horizon', 'discount-rate', 'discount-per', 'margin', 'rfm-method', 'tier-by', 'survey', 'survey-scale'] as const;

/** The boolean flags of the scoring. */
export const SCORE_OPTION_BOOLEANS = [...READ_BOOLEANS, 'allow-unconverged'] as const;

/** The scoring as the flags give it. */
export interface ScoreFlagOptions {
  readonly load: LoadOptions;
  readonly choice: ModelChoice;
  readonly horizon: { amount: number; unit: TimeUnit };
  readonly discountRate: { rate: number; per: TimeUnit };
  readonly margin: number | undefined;
  readonly rfmMethod: 'quantile' | 'rank';
  readonly tierBy: TierBasis;
  readonly surveyPath: string | undefined;
  readonly surveyScale: { min: number; max: number };
}

/** Reads the scoring flags ({@link SCORE_OPTION_FLAGS}, {@link SCORE_OPTION_BOOLEANS}). */
export function scoreFlagOptions(flags: Flags): ScoreFlagOptions {
  return {
    load: loadOptionsFromFlags(flags),
    choice: modelChoiceFromFlags(flags, false),
    horizon: spanFlag(flags, 'horizon', '1y'),
    discountRate: { rate: numberFlag(flags, 'discount-rate', (x) => x >= 0, 'a number >= 0') ?? 0.1, per: oneOf<TimeUnit>(flags, 'discount-per', ['day', 'week', 'month', 'year'], 'year') },
    margin: numberFlag(flags, 'margin', (x) => x <= 1, 'a number <= 1'),
    rfmMethod: oneOf(flags, 'rfm-method', ['quantile', 'rank'], 'quantile'),
    tierBy: oneOf<TierBasis>(flags, 'tier-by', ['revenue', 'profit'], 'revenue'),
    surveyPath: str(flags, 'survey'),
    surveyScale: parseScale(str(flags, 'survey-scale') ?? '1-5'),
  };
}

/** The {@link scoreCustomers} options of the flags (without progress reporting). */
export function scoreCustomersOptions(f: ScoreFlagOptions, survey: ScoreCustomersOptions['survey'] | null): ScoreCustomersOptions {
  const { load, choice } = f;
  return {
    timeUnit: load.timeUnit,
    periods: load.periods,
    ...(load.asOf !== undefined ? { asOf: load.asOf } : {}),
    rfm: { method: f.rfmMethod },
    tierBy: f.tierBy,
    ...(survey !== null && survey !== undefined ? { survey } : {}),
    model: choice.model === 'all' ? 'bgnbd' : choice.model,
    ...(choice.calibrationEnd !== undefined ? { calibrationEnd: choice.calibrationEnd } : {}),
    horizon: f.horizon,
    discountRate: f.discountRate,
    ...(f.margin !== undefined ? { margin: f.margin } : {}),
    ...choice.fit,
    allowUnconverged: choice.allowUnconverged,
    // --reveal-values: customer ids in the pipeline's issues too (RFM, tiers, loyalty)
    ...(load.text.revealValues === true ? { parse: { revealValues: true } } : {}),
  };
}

/** `--survey-scale MIN-MAX`. */
export function parseScale(s: string): { min: number; max: number } {
  const m = /^\s*(-?\d+(?:\.\d+)?)\s*(?:-|\.\.|:)\s*(-?\d+(?:\.\d+)?)\s*$/.exec(s);
  const min = m ? Number(m[1]) : NaN;
  const max = m ? Number(m[2]) : NaN;
  if (!(min < max)) throw new UsageError(`--survey-scale must be MIN-MAX with MIN < MAX, e.g. 1-5 or 0-10 (got ${s})`);
  return { min, max };
}
