import { invalidOption } from '../errors/InvalidInputError.js';
import { PLAYBOOK_TEXT, type PlaybookLocale } from './playbookText.js';
import { TIERS, type Tier } from './types.js';
import { rejectUnknownKeys, type KeyList } from '../errors/knownKeys.js';

export type { PlaybookLocale };

/** Options of {@link tierPlaybook}. */
export interface TierPlaybookOptions {
  /**
   * Language of the text: English or Simplified Chinese.
   * @defaultValue `'en'`
   */
  locale?: PlaybookLocale;
}

/** What to do with the customers of one tier. */
export interface TierPlaybook {
  readonly tier: Tier;
  readonly locale: PlaybookLocale;
  /** The tier's name, e.g. `'VIP customers'` / `'VIP客户'`. */
  readonly name: string;
  /** Who is in the tier (the default shares). */
  readonly definition: string;
  /** What these customers are like, according to the course. */
  readonly profile: string;
  /** The strategy in a few words, e.g. "Activate or archive." */
  readonly motto: string;
  /** The recommended actions, most important first. */
  readonly actions: readonly string[];
}

/**
 * The course's playbook for a tier of the ABCD pyramid, as data.
 *
 * DOMAIN §4 after the CRM course (seed 002): A, visit often, follow their business, give
 * discounts, handle complaints first, build a long-term relationship; B, visit on a schedule,
 * invest in loyalty and find out why when orders stop growing; C, keep in touch at low cost and
 * look for "tomorrow's stars"; D, screen for upgrade potential, nurture or retire ("activate or
 * archive"). English and Simplified Chinese. Cost: O(1).
 *
 * @param tier - `'A'`, `'B'`, `'C'` or `'D'`.
 * @param options - See {@link TierPlaybookOptions}.
 * @returns The tier's name, definition, profile, motto and actions, in the chosen language.
 * @throws {InvalidInputError} On an unknown tier or locale.
 *
 * @example
 * ```ts
 * import { tierPlaybook } from 'loyalty-score';
 * tierPlaybook('D').motto; // => 'Activate or archive.'
 * tierPlaybook('A', { locale: 'zh-CN' }).name; // => 'VIP客户'
 * ```
 */
export function tierPlaybook(tier: Tier, options: TierPlaybookOptions = {}): TierPlaybook {
  rejectUnknownKeys(options, TIER_PLAYBOOK_OPTION_KEYS, 'options', 'tierPlaybook');
  if (!TIERS.includes(tier)) invalidOption('tier', "expected 'A', 'B', 'C' or 'D'");
  const locale = options.locale ?? 'en';
  if (locale !== 'en' && locale !== 'zh-CN') invalidOption('locale', "expected 'en' or 'zh-CN'");
  const text = PLAYBOOK_TEXT[locale][tier];
  return {
    tier,
    locale,
    name: text.name,
    definition: text.definition,
    profile: text.profile,
    motto: text.motto,
    actions: [...text.actions],
  };
}

/** The option names of {@link TierPlaybookOptions}. @internal */
export const TIER_PLAYBOOK_OPTION_KEYS: KeyList<TierPlaybookOptions> = {
  locale: true,
};
