export type {
  AnswerScale,
  AttitudeSignals,
  BehaviourSignals,
  ClassificationEvidence,
  ContextSignals,
  CustomerLoyaltySignals,
  LoyaltyReason,
  LoyaltyReasonCode,
  LoyaltySignals,
  ScaledAnswer,
  SignalName,
  Strategy,
} from './types.js';
export type { LoyaltyThresholds } from './thresholds.js';
export type { AttitudeReading } from './assessSignals.js';
export { validateLoyaltySignals, type ValidateLoyaltySignalsOptions } from './validateLoyaltySignals.js';
export { safeValidateLoyaltySignals, type SafeValidateLoyaltySignalsResult } from './safeValidateLoyaltySignals.js';
export {
  behaviourColumnsFromSignals,
  behaviourSignalsAt,
  ABSENT_BITS,
  type BehaviourColumns,
} from './behaviourColumns.js';
export {
  deriveBehaviourColumns,
  type BehaviourColumnsResult,
  type DeriveBehaviourColumnsOptions,
} from './deriveBehaviourColumns.js';
export {
  classifyLoyaltyColumns,
  type ClassifyLoyaltyColumnsOptions,
  type LoyaltyAnswers,
  type LoyaltyColumns,
} from './classifyLoyaltyColumns.js';
export {
  LOYALTY_QUADRANT_CODES,
  LOYALTY_REASON_CODES,
  LOYALTY_SIGNAL_NAMES,
  LOYALTY_TYPE_CODES,
  unpackReasonCodes,
} from './reasonCodes.js';
export {
  deriveBehaviourSignals,
  type BehaviourSignalsResult,
  type DeriveBehaviourSignalsOptions,
} from './deriveBehaviourSignals.js';
export {
  classifyPyramid,
  type ClassifyPyramidOptions,
  type PyramidLabel,
  type PyramidLevel,
  type PyramidResult,
} from './classifyPyramid.js';
export {
  classifyLoyaltyType,
  type ClassifyLoyaltyTypeOptions,
  type LoyaltyQuadrant,
  type LoyaltyType,
  type LoyaltyTypeResult,
} from './classifyLoyaltyType.js';
export { loyaltyStrategy, type LoyaltyGroup } from './loyaltyStrategy.js';
export {
  classifyValueLoyalty,
  type ClassifyValueLoyaltyOptions,
  type LoyaltyMeasure,
  type ValueLoyaltyGroup,
  type ValueLoyaltyInput,
  type ValueLoyaltyReasonCode,
  type ValueLoyaltyResult,
  type ValueMeasure,
} from './classifyValueLoyalty.js';
export { satisfactionZone, type SatisfactionZone, type SatisfactionZoneOptions } from './satisfactionZone.js';
export { expectationGap, type ExpectationGap, type ExpectationGapOptions } from './expectationGap.js';
export { simulateSurvey, type SimulateSurveyOptions, type SurveyResponse } from './simulateSurvey.js';
