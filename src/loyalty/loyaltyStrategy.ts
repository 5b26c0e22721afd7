import { invalidOption } from '../errors/InvalidInputError.js';
import type { Strategy } from './types.js';

/** The strategy groups of DOMAIN §6: the five false kinds share one. */
export type LoyaltyGroup = 'false' | 'true' | 'latent' | 'none';

/**
 * The recommended strategy for a loyalty group (DOMAIN §6, seed 002), in English and Simplified Chinese.
 *
 * False loyalty (monopoly, inertia, convenience, price, incentive): keep them with benefits.
 * True loyalty: listen to them and keep improving. Latent loyalty: remove what blocks repeat
 * buying. No loyalty: stay transactional (DOMAIN §7, strangers).
 *
 * Cost: O(1).
 *
 * @param group - The group.
 * @returns The guidance text in both languages.
 * @throws {@link InvalidInputError} on an unknown group.
 * @example
 * ```ts
 * import { loyaltyStrategy } from 'loyalty-score';
 * loyaltyStrategy('latent').zh; // => '消除阻碍重复购买的因素:找出障碍(如老客户得不到比新客户更好的条件、购买不便、环境不佳)并加以清除,帮助他们成为持续购买的忠诚客户。'
 * ```
 */
export function loyaltyStrategy(group: LoyaltyGroup): Strategy {
  if (group !== 'false' && group !== 'true' && group !== 'latent' && group !== 'none') {
    invalidOption('group', "expected 'false', 'true', 'latent' or 'none'");
  }
  return STRATEGIES[group];
}

const STRATEGIES: Readonly<Record<LoyaltyGroup, Strategy>> = {
  false: {
    en: 'Keep them with benefits: rewards, service and convenience that make staying worthwhile; do not mistake their repeat buying for attachment.',
    zh: '以利益留住他们:通过奖励、服务和便利让留下来更划算;不要把他们的重复购买误认为情感依恋。',
  },
  true: {
    en: 'Listen to them and keep improving: act on their feedback and keep products and service attractive, so that they stay and keep recommending you.',
    zh: '重视他们的反馈并持续改进:根据意见改进产品和服务,保持吸引力,让他们长期留下并继续向他人推荐。',
  },
  latent: {
    en: 'Remove what blocks repeat buying: find the obstacle (no better terms for existing customers, inconvenience, a poor environment) and clear it, so that they become steady buyers.',
    zh: '消除阻碍重复购买的因素:找出障碍(如老客户得不到比新客户更好的条件、购买不便、环境不佳)并加以清除,帮助他们成为持续购买的忠诚客户。',
  },
  none: {
    en: 'Stay transactional: serve efficiently at low cost, take the immediate profit, and watch for signs of a growing bond.',
    zh: '以交易为导向:以较低成本高效服务,获取即时利润,并留意关系加深的迹象。',
  },
};
