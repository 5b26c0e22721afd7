/**
 * The survey items of {@link AttitudeSignals}, each answered on the group's scale or its own.
 * One list for the zod schema and the fast check, so the two cannot disagree on the names.
 * @internal
 */
export const ATTITUDE_ITEMS = [
  'satisfaction',
  'repurchaseIntention',
  'recommendLikelihood',
  'competitorAppeal',
  'qualityTolerance',
  'priceSensitivity',
  'decisionTime',
] as const;

/** The scaled items of {@link ContextSignals} (`hasAlternatives` is a boolean). @internal */
export const CONTEXT_ITEMS = ['switchingCost', 'convenience'] as const;
