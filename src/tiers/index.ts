export { assignTiers } from './assignTiers.js';
export type { AssignTiersOptions, TierRuleOptions } from './tierOptions.js';
export { assignTierColumns, type AssignTierColumnsOptions, type TierColumns } from './assignTierColumns.js';
export { tierCounts, DEFAULT_TIER_SHARES } from './tierCounts.js';
export {
  tierReport,
  type TierReportOptions,
  type TierReport,
  type TierReportRow,
  type LorenzPoint,
} from './tierReport.js';
export {
  tierMigration,
  type TierMigrationOptions,
  type TierMigration,
  type TierMove,
  type RisingStar,
  type StarRule,
  type MigrationFrom,
  type MigrationTo,
} from './tierMigration.js';
export { tierPlaybook, type TierPlaybookOptions, type TierPlaybook, type PlaybookLocale } from './tierPlaybook.js';
export { TIERS } from './types.js';
export type { Tier, TierBasis, TierTieRule, TierShares, TierCounts, TierAssignment, TierAssignments } from './types.js';
