export type { BtydMatrix, BtydMatrixOptions } from './btydGrid.js';
export { frequencyRecencyMatrix, type FrequencyRecencyMatrix, type FrequencyRecencyMatrixOptions } from './frequencyRecencyMatrix.js';
export { probabilityAliveMatrix } from './probabilityAliveMatrix.js';
export { calibrationVsHoldout, type CalibrationVsHoldoutOptions, type HoldoutSplitColumns } from './calibrationVsHoldout.js';
export { periodTransactions, type PeriodTransactionsBucket, type PeriodTransactionsOptions } from './periodTransactions.js';
export { repeatPurchaseTracking, type RepeatPurchaseTracking, type RepeatPurchaseTrackingOptions } from './repeatPurchaseTracking.js';
export { lorenzCurve, type LorenzCurve, type LorenzCurveOptions } from './lorenzCurve.js';
export { tierPyramid, type TierPyramid, type TierPyramidLevel, type TierResourceRow } from './tierPyramid.js';
export { rfmGrid, type RfmGrid, type RfmGridCell, type RfmGridSegment } from './rfmGrid.js';
export {
  loyaltyPyramid,
  loyaltyQuadrant,
  missingSignalShares,
  valueLoyaltyGroups,
  type LoyaltyPyramidLevel,
  type LoyaltyQuadrantCell,
  type MissingSignalShares,
  type ValueLoyaltyGroupCount,
} from './loyaltyCharts.js';
export { clvByGroup, clvDistribution, topCustomers, type ClvBin, type ClvDistributionOptions, type ClvGroup, type TopCustomer } from './valueCharts.js';
export { scoreChanges, type ScoreChanges, type ScoreChangesOptions, type SlippingCustomer } from './scoreChanges.js';
export type { ChartText } from './svg/frame.js';
export { barChartSvg, type BarChartSpec } from './svg/barChart.js';
export { lineChartSvg, type LineChartSpec } from './svg/lineChart.js';
export { heatmapSvg, type HeatmapSpec } from './svg/heatmap.js';
export { horizontalBarsSvg, type HorizontalBarsSpec } from './svg/horizontalBars.js';
export { pyramidSvg, type PyramidSpec } from './svg/pyramid.js';
export { quadrantSvg, type QuadrantCellSpec, type QuadrantSpec } from './svg/quadrant.js';
export {
  calibrationVsHoldoutSvg,
  frequencyRecencyMatrixSvg,
  periodTransactionsSvg,
  probabilityAliveMatrixSvg,
  repeatPurchaseTrackingSvg,
  type RepeatPurchaseTrackingSvgOptions,
  type TimeAxisOptions,
} from './svg/modelChartsSvg.js';
export {
  clvByGroupSvg,
  clvDistributionSvg,
  lorenzCurveSvg,
  loyaltyPyramidSvg,
  loyaltyQuadrantSvg,
  missingSignalsSvg,
  rfmGridSvg,
  rfmSegmentMapSvg,
  rfmSegmentsSvg,
  tierMigrationSvg,
  tierPyramidSvg,
  valueLoyaltySvg,
} from './svg/baseChartsSvg.js';
