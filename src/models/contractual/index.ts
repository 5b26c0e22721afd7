export { shiftedBetaGeometric } from './shiftedBetaGeometric.js';
export { betaDiscreteWeibull } from './betaDiscreteWeibull.js';
export { fitShiftedBetaGeometric, type FitShiftedBetaGeometricOptions } from './fitShiftedBetaGeometric.js';
export { fitBetaDiscreteWeibull, type FitBetaDiscreteWeibullOptions } from './fitBetaDiscreteWeibull.js';
export type {
  BetaDiscreteWeibullFit,
  BetaDiscreteWeibullParams,
  CohortProjection,
  ContractualData,
  ContractualFit,
  ContractualModel,
  ShiftedBetaGeometricFit,
  ShiftedBetaGeometricParams,
  SubscriptionClvOptions,
  SubscriptionCohortsResult,
  SurvivorCohort,
} from './types.js';
export { subscriptionCohorts, type SubscriptionCohortsOptions, type SubscriptionRecord } from './subscriptionCohorts.js';
