export { scoreRfm } from './scoreRfm.js';
export type { ScoreRfmOptions } from './scoreRfmOptions.js';
export { scoreRfmColumns, type RfmColumns, type RfmMeasureColumns, type ScoreRfmColumnsOptions } from './scoreRfmColumns.js';
export { rfmChanges, type RfmChangesOptions, type RfmChange, type RfmChangesResult, type RfmSegmentMove } from './rfmChanges.js';
export { rfmSegmentPreset } from './rfmSegmentPreset.js';
export type {
  RfmBinningMethod,
  RfmDimension,
  RfmDimensionBinning,
  RfmPerDimension,
  RfmScore,
  RfmScoreName,
  RfmSegmentCount,
  RfmSegmentPreset,
  RfmSegmentRule,
  RfmSegmentTable,
  ScoreRfmResult,
} from './types.js';
