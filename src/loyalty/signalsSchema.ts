import * as z from 'zod';

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
  .object({
    scale: scale.optional(),
    satisfaction: scaledAnswer.optional(),
    repurchaseIntention: scaledAnswer.optional(),
    recommendLikelihood: scaledAnswer.optional(),
    competitorAppeal: scaledAnswer.optional(),
    qualityTolerance: scaledAnswer.optional(),
    priceSensitivity: scaledAnswer.optional(),
    decisionTime: scaledAnswer.optional(),
  })
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
export const SCALED_ITEMS = {
  attitude: [
    'satisfaction',
    'repurchaseIntention',
    'recommendLikelihood',
    'competitorAppeal',
    'qualityTolerance',
    'priceSensitivity',
    'decisionTime',
  ],
  context: ['switchingCost', 'convenience'],
} as const;

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
    for (const group of ['attitude', 'context'] as const) {
      const g = s[group] as Record<string, unknown> | undefined;
      if (!g) continue;
      const sc = g['scale'] as { min: number; max: number } | undefined;
      for (const item of SCALED_ITEMS[group]) {
        const v = g[item];
        if (typeof v !== 'number') continue;
        if (!sc) {
          ctx.addIssue({
            code: 'custom',
            path: [group, item],
            message: `a bare number needs the ${group} scale (give ${group}.scale = { min, max }, or { value, min, max })`,
          });
        } else if (v < sc.min || v > sc.max) {
          ctx.addIssue({ code: 'custom', path: [group, item], message: `expected a value on the ${group} scale [${sc.min}, ${sc.max}]` });
        }
      }
    }
  });
