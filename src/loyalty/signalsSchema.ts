import * as z from 'zod/mini';
import { ATTITUDE_ITEMS, CONTEXT_ITEMS } from './signalFields.js';

/**
 * The zod schema behind {@link LoyaltySignals}. Internal: the public API exposes TypeScript
 * types and {@link validateLoyaltySignals}, not zod objects, so zod stays a plain dependency.
 * Written with `zod/mini`, whose functions tree-shake, so the browser build carries only the
 * checks used here.
 * @internal
 */

const finite = z.number();
const nonNegative = z.number().check(z.gte(0));
const unit = z.number().check(z.gte(0), z.lte(1));

const scale = z.strictObject({ min: finite, max: finite }).check(z.refine((s) => s.min < s.max, { message: 'expected min < max' }));

const scaledAnswer = z.union([
  finite,
  z
    .strictObject({ value: finite, min: finite, max: finite })
    .check(
      z.refine((a) => a.min < a.max, { message: 'expected min < max' }),
      z.refine((a) => a.value >= a.min && a.value <= a.max, { message: 'expected a value between min and max' }),
    ),
]);

const behaviour = z.strictObject({
  purchases: z.int().check(z.gte(0)),
  tenureDays: z.optional(nonNegative),
  daysSinceLastPurchase: z.optional(nonNegative),
  meanGapDays: z.optional(z.nullable(z.number().check(z.gt(0)))),
  recencyRatio: z.optional(z.nullable(nonNegative)),
  gapCv: z.optional(z.nullable(nonNegative)),
  spendTrend: z.optional(z.nullable(z.number().check(z.gte(-1), z.lte(1)))),
  totalSpend: z.optional(finite),
  promoShare: z.optional(unit),
  discountDepth: z.optional(unit),
});

const attitude = z.strictObject({
  scale: z.optional(scale),
  ...Object.fromEntries(ATTITUDE_ITEMS.map((item) => [item, z.optional(scaledAnswer)])),
});

const context = z.strictObject({
  scale: z.optional(scale),
  hasAlternatives: z.optional(z.boolean()),
  switchingCost: z.optional(scaledAnswer),
  convenience: z.optional(scaledAnswer),
});

/** Items of each group answered on the group's scale. @internal */
export const SCALED_ITEMS = { attitude: ATTITUDE_ITEMS, context: CONTEXT_ITEMS } as const;

/** @internal */
export const loyaltySignalsSchema = z
  .strictObject({
    customerId: z.optional(z.union([z.string().check(z.minLength(1)), finite])),
    behaviour,
    attitude: z.optional(attitude),
    context: z.optional(context),
  })
  .check(
    z.superRefine((s, ctx) => {
      for (const issue of bareAnswerIssues(s)) ctx.issues.push({ code: 'custom', path: [...issue.path], message: issue.message, input: s });
    }),
  );

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
