import { InvalidInputError, invalidOption } from '../errors/InvalidInputError.js';
import { customerOf } from '../errors/issues.js';
import { compareCustomerIds } from '../summary/compareCustomerIds.js';
import type { RowPolicyOptions } from '../transactions/options.js';
import type { CustomerId } from '../transactions/types.js';
import { TIERS, type Tier, type TierAssignment, type TierAssignments } from './types.js';
import { rejectUnknownKeys, type KeyList } from '../errors/knownKeys.js';

/**
 * The rule that projects a C customer's value one horizon ahead.
 *
 * - `'linear'`: the change between the periods repeats: `v + h (v - v0)`.
 * - `'compound'`: the growth rate repeats: `v (v / v0)^h`; customers with `v0 <= 0` have no rate and are never stars.
 */
export type StarRule = 'linear' | 'compound';

/** Options of {@link tierMigration}. */
export interface TierMigrationOptions extends Pick<RowPolicyOptions, 'revealValues'> {
  /**
   * How a C customer's trend is projected (see {@link StarRule}).
   * @defaultValue `'linear'`
   */
  starRule?: StarRule;
  /**
   * How many periods ahead the trend is projected, a positive number.
   * @defaultValue `1`
   */
  starHorizon?: number;
}

/** Row labels of the transition matrix: a tier in `before`, or `new` for customers only in `after`. */
export type MigrationFrom = Tier | 'new';
/** Column labels of the transition matrix: a tier in `after`, or `lost` for customers only in `before`. */
export type MigrationTo = Tier | 'lost';

/** A customer whose tier changed. */
export interface TierMove {
  readonly customerId: CustomerId;
  readonly from: Tier;
  readonly to: Tier;
}

/** A C customer whose trend would carry them into B. */
export interface RisingStar {
  readonly customerId: CustomerId;
  /** Value in the earlier period. */
  readonly previousValue: number;
  /** Value in the later period. */
  readonly value: number;
  /** Value projected `starHorizon` periods ahead by `starRule`. */
  readonly projectedValue: number;
}

/** Result of {@link tierMigration}. */
export interface TierMigration {
  /** `matrix[from][to]`: customers moving from one tier (or `new`) to another (or `lost`). */
  readonly matrix: Readonly<Record<MigrationFrom, Readonly<Record<MigrationTo, number>>>>;
  /** Customers who moved to a better tier, best new tier first, then by `after` rank. */
  readonly upgrades: readonly TierMove[];
  /** Customers who moved to a worse tier, in order of their `before` rank. */
  readonly downgrades: readonly TierMove[];
  /** Customers only in `after`, with their tier, in `after` rank order. */
  readonly newCustomers: readonly { readonly customerId: CustomerId; readonly tier: Tier }[];
  /** Customers only in `before`, with their former tier, in `before` rank order. */
  readonly lostCustomers: readonly { readonly customerId: CustomerId; readonly tier: Tier }[];
  /** The smallest value in tier B of `after`, the bar a star must reach; `null` when B is empty. */
  readonly starTarget: number | null;
  /** "Tomorrow's stars": C customers whose projected value reaches `starTarget`, highest projection first (ties by customer id). */
  readonly stars: readonly RisingStar[];
}

/**
 * Tier migration between two periods: the transition matrix, upgrades, downgrades, new and lost
 * customers, and "tomorrow's stars".
 *
 * The CRM course (seed 002, DOMAIN §4) asks to compare tiers over time and to look among C
 * customers for "tomorrow's stars" who could grow into B. A star here is a customer in C in
 * `after`, present in `before`, whose value grew (v > v0) and whose projected value (by
 * `starRule`, `starHorizon` periods ahead) reaches the smallest value in B of `after`.
 * Cost: O(n) with a hash map, plus sorting the stars.
 *
 * @param before - `assignTiers` result (or its `customers`) of the earlier period.
 * @param after - `assignTiers` result (or its `customers`) of the later period.
 * @param options - See {@link TierMigrationOptions}.
 * @returns The matrix, the moves, new and lost customers, and the stars.
 * @throws {InvalidInputError} On an input that is not a tier assignment list, or an invalid option.
 *
 * @example
 * ```ts
 * import { tierMigration } from 'loyalty-score';
 * const a = (customerId: number, tier: 'A' | 'B' | 'C' | 'D', value: number, rank: number) => ({ customerId, rank, percentile: 0, value, tier });
 * const before = [a(1, 'A', 900, 1), a(2, 'B', 500, 2), a(3, 'C', 100, 3), a(4, 'D', 10, 4)];
 * const after = [a(2, 'A', 800, 1), a(1, 'B', 400, 2), a(3, 'C', 250, 3), a(5, 'D', 20, 4)];
 * const migration = tierMigration(before, after);
 * migration.matrix.A.B; // => 1
 * migration.upgrades; // => [{ customerId: 2, from: 'B', to: 'A' }]
 * migration.lostCustomers; // => [{ customerId: 4, tier: 'D' }]
 * migration.stars.map((s) => s.customerId); // => [3]
 * ```
 */
export function tierMigration(
  before: TierAssignments | readonly TierAssignment[],
  after: TierAssignments | readonly TierAssignment[],
  options: TierMigrationOptions = {},
): TierMigration {
  rejectUnknownKeys(options, TIER_MIGRATION_OPTION_KEYS, 'options', 'tierMigration');
  const rule = options.starRule ?? 'linear';
  if (rule !== 'linear' && rule !== 'compound') invalidOption('starRule', "expected 'linear' or 'compound'");
  const horizon = options.starHorizon ?? 1;
  if (typeof horizon !== 'number' || !Number.isFinite(horizon) || horizon <= 0) {
    invalidOption('starHorizon', 'expected a positive number of periods');
  }
  const reveal = options.revealValues === true;
  const prev = assignmentList(before, 'before', reveal);
  const next = assignmentList(after, 'after', reveal);

  const from: readonly MigrationFrom[] = [...TIERS, 'new'];
  const matrix = {} as Record<MigrationFrom, Record<MigrationTo, number>>;
  for (const f of from) matrix[f] = { A: 0, B: 0, C: 0, D: 0, lost: 0 };

  const earlier = new Map<CustomerId, TierAssignment>();
  for (const p of prev) earlier.set(p.customerId, p);
  let starTarget: number | null = null;
  for (const c of next) if (c.tier === 'B' && (starTarget === null || c.value < starTarget)) starTarget = c.value;

  const upgrades: (TierMove & { readonly rank: number })[] = [];
  const downgrades: (TierMove & { readonly rank: number })[] = [];
  const newCustomers: { customerId: CustomerId; tier: Tier }[] = [];
  const stars: RisingStar[] = [];
  const present = new Set<CustomerId>();
  for (const c of next) {
    const p = earlier.get(c.customerId);
    if (p === undefined) {
      matrix.new[c.tier]++;
      newCustomers.push({ customerId: c.customerId, tier: c.tier });
      continue;
    }
    present.add(c.customerId);
    matrix[p.tier][c.tier]++;
    if (c.tier < p.tier) upgrades.push({ customerId: c.customerId, from: p.tier, to: c.tier, rank: c.rank });
    else if (c.tier > p.tier) downgrades.push({ customerId: c.customerId, from: p.tier, to: c.tier, rank: p.rank });
    const trendKnown = rule === 'linear' || p.value > 0;
    if (c.tier === 'C' && starTarget !== null && c.value > p.value && trendKnown) {
      const projected =
        rule === 'linear' ? c.value + horizon * (c.value - p.value) : c.value * (c.value / p.value) ** horizon;
      if (projected >= starTarget) {
        stars.push({ customerId: c.customerId, previousValue: p.value, value: c.value, projectedValue: projected });
      }
    }
  }
  const lostCustomers: { customerId: CustomerId; tier: Tier }[] = [];
  for (const p of prev) {
    if (!present.has(p.customerId)) {
      matrix[p.tier].lost++;
      lostCustomers.push({ customerId: p.customerId, tier: p.tier });
    }
  }
  upgrades.sort((x, y) => (x.to < y.to ? -1 : x.to > y.to ? 1 : x.rank - y.rank));
  downgrades.sort((x, y) => x.rank - y.rank);
  stars.sort((x, y) => y.projectedValue - x.projectedValue || compareCustomerIds(x.customerId, y.customerId));
  const strip = ({ customerId, from: f, to }: TierMove): TierMove => ({ customerId, from: f, to });
  return {
    matrix,
    upgrades: upgrades.map(strip),
    downgrades: downgrades.map(strip),
    newCustomers,
    lostCustomers,
    starTarget,
    stars,
  };
}

function assignmentList(input: TierAssignments | readonly TierAssignment[], name: string, reveal: boolean): readonly TierAssignment[] {
  const list: unknown = Array.isArray(input) ? input : (input as TierAssignments | null)?.customers;
  if (!Array.isArray(list)) {
    throw new InvalidInputError([{ code: 'invalid_type', path: [name], message: 'expected an assignTiers result or an array of assignments' }]);
  }
  const rows = list as readonly TierAssignment[];
  const seen = new Set<CustomerId>();
  rows.forEach((a, i) => {
    if (
      a === null ||
      typeof a !== 'object' ||
      !TIERS.includes(a.tier) ||
      typeof a.value !== 'number' ||
      !Number.isFinite(a.value) ||
      !(Number.isInteger(a.rank) && a.rank >= 1)
    ) {
      throw new InvalidInputError([
        {
          code: 'invalid_assignment',
          path: [name, i],
          ...customerOf(a?.customerId, reveal),
          message: `expected an assignment with a finite value, a rank from 1 and tier 'A', 'B', 'C' or 'D'`,
        },
      ]);
    }
    if (seen.has(a.customerId)) {
      throw new InvalidInputError([
        { code: 'duplicate_customer', path: [name, i], ...customerOf(a.customerId, reveal), message: 'appears more than once' },
      ]);
    }
    seen.add(a.customerId);
  });
  return rows;
}

/** The option names of {@link TierMigrationOptions}. @internal */
export const TIER_MIGRATION_OPTION_KEYS: KeyList<TierMigrationOptions> = {
  starRule: true,
  starHorizon: true,
  revealValues: true,
};
