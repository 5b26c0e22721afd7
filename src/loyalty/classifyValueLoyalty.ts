import { InvalidInputError, invalidOption } from '../errors/InvalidInputError.js';
import { customerOf, type InputIssue } from '../errors/issues.js';
import type { Tier } from '../tiers/types.js';
import type { RowPolicyOptions } from '../transactions/options.js';
import type { CustomerId } from '../transactions/types.js';
import type { PyramidLevel } from './classifyPyramid.js';
import type { LoyaltyQuadrant } from './classifyLoyaltyType.js';
import type { Strategy } from './types.js';
import { rejectUnknownKeys, type KeyList } from '../errors/knownKeys.js';

/** The four value x loyalty groups of DOMAIN §7. */
export type ValueLoyaltyGroup = 'high-end' | 'potential' | 'temporary' | 'stranger';

/** The value axis: an ABCD tier, the revenue (or profit) of a period, or a lifetime value. */
export type ValueMeasure = { readonly tier: Tier } | { readonly revenue: number } | { readonly lifetimeValue: number };

/**
 * The loyalty axis: a pyramid level or a quadrant. A {@link PyramidResult} or a
 * {@link LoyaltyTypeResult} can be passed as it is; when both fields are present, `level` decides.
 */
export type LoyaltyMeasure = { readonly level: PyramidLevel } | { readonly quadrant: LoyaltyQuadrant };

/** Input of {@link classifyValueLoyalty}: one customer. */
export interface ValueLoyaltyInput {
  readonly customerId?: CustomerId;
  readonly value: ValueMeasure;
  readonly loyalty: LoyaltyMeasure;
}

/**
 * Options of {@link classifyValueLoyalty}. `revealValues` (default `false`) puts the input's
 * `customerId` in issues and messages.
 */
export interface ClassifyValueLoyaltyOptions extends Pick<RowPolicyOptions, 'revealValues'> {
  /**
   * Tiers that count as high value.
   * @defaultValue `['A', 'B']` (the top 5% of DOMAIN §4)
   */
  highTiers?: readonly Tier[];
  /**
   * Revenue or lifetime value from which value is high, in currency units. No default: a money
   * threshold depends on the business, so it is required when the value is `revenue` or
   * `lifetimeValue` (pass, e.g., the revenue at the top-20% boundary of your customer base).
   * @defaultValue none (required for a money value; unused for a tier)
   */
  valueThreshold?: number;
  /**
   * Lowest pyramid level that counts as high loyalty.
   * @defaultValue `3` (habitual satisfaction and committed)
   */
  minLoyalLevel?: PyramidLevel;
  /**
   * Quadrants that count as high loyalty.
   * @defaultValue `['true', 'spurious']` (high repeat patronage: loyalty here is behaviour)
   */
  loyalQuadrants?: readonly LoyaltyQuadrant[];
}

/** Machine codes of the reasons of {@link classifyValueLoyalty}. */
export type ValueLoyaltyReasonCode = 'value_high' | 'value_low' | 'loyalty_high' | 'loyalty_low';

/** Result of {@link classifyValueLoyalty}. */
export interface ValueLoyaltyResult {
  readonly customerId?: CustomerId;
  readonly group: ValueLoyaltyGroup;
  readonly highValue: boolean;
  readonly highLoyalty: boolean;
  readonly reasons: readonly { readonly code: ValueLoyaltyReasonCode; readonly message: string }[];
  /** How to treat the group (seed 000), English and Simplified Chinese. */
  readonly strategy: Strategy;
}

const TIERS: readonly Tier[] = ['A', 'B', 'C', 'D'];
const QUADRANTS: readonly LoyaltyQuadrant[] = ['true', 'latent', 'spurious', 'none'];

/**
 * Puts a customer in one of the four value x loyalty groups (DOMAIN §7, seed 000).
 *
 * | value | loyalty | group | treatment |
 * |---|---|---|---|
 * | high | high | high-end | steady contact; cultivate attitude and behaviour |
 * | low | high | potential | serve proactively, meet their needs, grow their value |
 * | high | low | temporary | keep with a good process, do not oversell |
 * | low | low | stranger | transactional, take the immediate profit |
 *
 * The seed names the groups and their treatment but not their axes; the placement of
 * `potential` (loyal, not yet valuable) and `temporary` (valuable, not loyal) is our reading,
 * matching the treatments (growing a loyal customer's value; not over-investing in a passing one).
 * Value is high for a tier in `highTiers`, or a revenue or lifetime value `>= valueThreshold`.
 * Loyalty is high for a level `>= minLoyalLevel`, or a quadrant in `loyalQuadrants`.
 *
 * Cost: O(1).
 *
 * @param input - The customer's value and loyalty measures.
 * @param options - See {@link ClassifyValueLoyaltyOptions}.
 * @returns The group, both axes, reasons and the treatment.
 * @throws {@link InvalidInputError} when a measure is invalid, or `valueThreshold` is missing for a money value.
 * @example
 * ```ts
 * import { classifyValueLoyalty } from 'loyalty-score';
 * classifyValueLoyalty({ value: { tier: 'A' }, loyalty: { level: 4 } }).group; // => 'high-end'
 * classifyValueLoyalty({ value: { tier: 'D' }, loyalty: { quadrant: 'true' } }).group; // => 'potential'
 * classifyValueLoyalty({ value: { revenue: 1200 }, loyalty: { level: 1 } }, { valueThreshold: 1000 }).group; // => 'temporary'
 * const r = classifyValueLoyalty({ value: { lifetimeValue: 80 }, loyalty: { quadrant: 'none' } }, { valueThreshold: 500 });
 * r.strategy.en; // => 'Stay transactional and take the immediate profit.'
 * ```
 */
export function classifyValueLoyalty(input: ValueLoyaltyInput, options: ClassifyValueLoyaltyOptions = {}): ValueLoyaltyResult {
  rejectUnknownKeys(options, CLASSIFY_VALUE_LOYALTY_OPTION_KEYS, 'options', 'classifyValueLoyalty');
  const highTiers = options.highTiers ?? ['A', 'B'];
  const minLoyalLevel = options.minLoyalLevel ?? 3;
  const loyalQuadrants = options.loyalQuadrants ?? ['true', 'spurious'];
  const threshold = options.valueThreshold;
  if (!Array.isArray(highTiers) || !highTiers.every((x) => TIERS.includes(x))) invalidOption('highTiers', "expected an array of 'A', 'B', 'C', 'D'");
  if (![1, 2, 3, 4].includes(minLoyalLevel)) invalidOption('minLoyalLevel', 'expected 1, 2, 3 or 4');
  if (!Array.isArray(loyalQuadrants) || !loyalQuadrants.every((x) => QUADRANTS.includes(x))) {
    invalidOption('loyalQuadrants', "expected an array of 'true', 'latent', 'spurious', 'none'");
  }
  if (threshold !== undefined && (typeof threshold !== 'number' || !Number.isFinite(threshold))) invalidOption('valueThreshold', 'expected a finite number');

  const customer = customerOf(input?.customerId, options.revealValues === true);
  const fail = (field: string, message: string): never => {
    const issue: InputIssue = { code: 'invalid_value', path: ['input', field], ...customer, message };
    throw new InvalidInputError([issue]);
  };
  const value = input?.value as Record<string, unknown> | undefined;
  const loyalty = input?.loyalty as Record<string, unknown> | undefined;
  if (value === null || typeof value !== 'object') return fail('value', 'expected { tier }, { revenue } or { lifetimeValue }');
  if (loyalty === null || typeof loyalty !== 'object') return fail('loyalty', 'expected { level } or { quadrant }');

  let highValue: boolean;
  let valueText: string;
  if ('tier' in value) {
    const tier = value['tier'] as Tier;
    if (!TIERS.includes(tier)) return fail('value.tier', "expected 'A', 'B', 'C' or 'D'");
    highValue = highTiers.includes(tier);
    valueText = `tier ${tier} ${highValue ? 'is' : 'is not'} among the high tiers ${highTiers.join(', ') || '(none)'}`;
  } else if ('revenue' in value || 'lifetimeValue' in value) {
    const field = 'revenue' in value ? 'revenue' : 'lifetimeValue';
    const v = value[field];
    if (typeof v !== 'number' || !Number.isFinite(v)) return fail(`value.${field}`, 'expected a finite number');
    if (threshold === undefined) return invalidOption('valueThreshold', `required when the value is ${field} (a money threshold has no sensible default)`);
    highValue = v >= threshold;
    valueText = `${field === 'revenue' ? 'revenue' : 'lifetime value'} is ${highValue ? 'at least' : 'below'} the threshold ${threshold}`;
  } else {
    return fail('value', 'expected { tier }, { revenue } or { lifetimeValue }');
  }

  let highLoyalty: boolean;
  let loyaltyText: string;
  if ('level' in loyalty) {
    const level = loyalty['level'];
    if (level !== 1 && level !== 2 && level !== 3 && level !== 4) return fail('loyalty.level', 'expected 1, 2, 3 or 4');
    highLoyalty = level >= minLoyalLevel;
    loyaltyText = `pyramid level ${level} is ${highLoyalty ? 'at least' : 'below'} ${minLoyalLevel}`;
  } else if ('quadrant' in loyalty) {
    const q = loyalty['quadrant'] as LoyaltyQuadrant;
    if (!QUADRANTS.includes(q)) return fail('loyalty.quadrant', "expected 'true', 'latent', 'spurious' or 'none'");
    highLoyalty = loyalQuadrants.includes(q);
    loyaltyText = `quadrant ${q} is ${highLoyalty ? '' : 'not '}among the loyal quadrants ${loyalQuadrants.join(', ') || '(none)'}`;
  } else {
    return fail('loyalty', 'expected { level } or { quadrant }');
  }

  const group: ValueLoyaltyGroup = highValue ? (highLoyalty ? 'high-end' : 'temporary') : highLoyalty ? 'potential' : 'stranger';
  const result = {
    group,
    highValue,
    highLoyalty,
    reasons: [
      { code: highValue ? 'value_high' : 'value_low', message: `${highValue ? 'High' : 'Low'} value: ${valueText}.` },
      { code: highLoyalty ? 'loyalty_high' : 'loyalty_low', message: `${highLoyalty ? 'High' : 'Low'} loyalty: ${loyaltyText}.` },
    ] as const,
    strategy: STRATEGIES[group],
  };
  return input.customerId === undefined ? result : { customerId: input.customerId, ...result };
}

const STRATEGIES: Readonly<Record<ValueLoyaltyGroup, Strategy>> = {
  'high-end': {
    en: 'Keep steady, measured contact and cultivate both their attitude and their buying behaviour.',
    zh: '保持适度而稳定的联系,同时培养态度忠诚和行为忠诚。',
  },
  potential: {
    en: 'Serve them proactively and meet their needs, to grow what they buy.',
    zh: '主动提供服务,满足其需求,提升其购买价值。',
  },
  temporary: {
    en: 'Keep them with a good, efficient process and do not oversell.',
    zh: '用良好高效的流程留住他们,避免过度推销。',
  },
  stranger: {
    en: 'Stay transactional and take the immediate profit.',
    zh: '以交易为导向,获取即时利润。',
  },
};

/** The option names of {@link ClassifyValueLoyaltyOptions}. @internal */
export const CLASSIFY_VALUE_LOYALTY_OPTION_KEYS: KeyList<ClassifyValueLoyaltyOptions> = {
  highTiers: true,
  valueThreshold: true,
  minLoyalLevel: true,
  loyalQuadrants: true,
  revealValues: true,
};
