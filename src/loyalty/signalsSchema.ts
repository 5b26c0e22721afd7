import * as z from 'zod';
import { ATTITUDE_ITEMS, CONTEXT_ITEMS } from './signalFields.js';

/**
 * The zod schema behind {@link LoyaltySignals}. Internal: the public API exposes TypeScript
 * types and {@link validateLoyaltySignals}, not zod objects, so zod stays a plain dependency.
 * @internal
 */

const finite = z.number().finite();
const nonNegative = finite.min(0);
const unit = finite.min(0).max(1);

const scale = z
  .object({ min: finite, max: finite })
  .strict()
  .refine((s) => s.min < s.max, { message: 'expected min < max' });

const scaledAnswer = z.union([
  finite,
  z
    .object({ value: finite, min: finite, max: finite })
    .strict()
    .refine((a) => a.min < a.max, { message: 'expected min < max' })
    .refine((a) => a.value >= a.min && a.value <= a.max, { message: 'expected a value between min and max' }),
]);

const behaviour = z
  .object({
    purchases: finite.int().min(0),
    tenureDays: nonNegative.optional(),
    daysSinceLastPurchase: nonNegative.optional(),
    meanGapDays: finite.gt(0).nullable().optional(),
    recencyRatio: nonNegative.nullable().optional(),
    gapCv: nonNegative.nullable().optional(),
    spendTrend: finite.min(-1).max(1).nullable().optional(),
    totalSpend: finite.optional(),
    promoShare: unit.optional(),
    discountDepth: unit.optional(),
  })
  .strict();

const attitude = z
  .object({ scale: scale.optional(), ...Object.fromEntries(ATTITUDE_ITEMS.map((item) => [item, scaledAnswer.optional()])) })
  .strict();

const context = z
  .object({
    scale: scale.optional(),
    hasAlternatives: z.boolean().optional(),
    switchingCost: scaledAnswer.optional(),
    convenience: scaledAnswer.optional(),
  })
  .strict();

/** Items of each group answered on the group's scale. @internal */
export const SCALED_ITEMS = { attitude: ATTITUDE_ITEMS, context: CONTEXT_ITEMS } as const;

/** @internal */
export const loyaltySignalsSchema = z
  .object({
    customerId: z.union([z.string().min(1), finite]).optional(),
    behaviour,
    attitude: attitude.optional(),
    context: context.optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    for (const issue of bareAnswerIssues(s)) ctx.addIssue({ code: 'custom', path: [...issue.path], message: issue.message });
  });

/**
 * Bare-number answers that lack their group's scale or lie off it. Reads any input defensively
 * (other shape problems are the schema's to report), so that these problems can be listed even
 * when the schema stops before its refinement.
 * @internal
 */
export function bareAnswerIssues(input: unknown): { path: readonly [string, string]; message: string }[] {
  const out: { path: readonly [string, string]; message: string }[] = [];
  if (input === null || typeof input !== 'object') return out;
  for (const group of ['attitude', 'context'] as const) {
    const g = (input as Record<string, unknown>)[group];
    if (g === null || typeof g !== 'object') continue;
    const sc = (g as Record<string, unknown>)['scale'];
    let min = Number.NaN;
    let max = Number.NaN;
    if (sc !== undefined) {
      if (sc === null || typeof sc !== 'object') continue;
      min = (sc as Record<string, unknown>)['min'] as number;
      max = (sc as Record<string, unknown>)['max'] as number;
      if (!(Number.isFinite(min) && Number.isFinite(max) && min < max)) continue; // an invalid scale is reported as such
    }
    for (const item of SCALED_ITEMS[group]) {
      const v = (g as Record<string, unknown>)[item];
      if (typeof v !== 'number' || !Number.isFinite(v)) continue;
      if (sc === undefined) {
        out.push({
          path: [group, item],
          message: `a bare number needs the ${group} scale (give ${group}.scale = { min, max }, or { value, min, max })`,
        });
      } else if (v < min || v > max) {
        out.push({ path: [group, item], message: `expected a value on the ${group} scale [${min}, ${max}]` });
      }
    }
  }
  return out;
}
