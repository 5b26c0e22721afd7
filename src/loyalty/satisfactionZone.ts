import { InvalidInputError, invalidOption } from '../errors/InvalidInputError.js';
import type { AnswerScale } from './types.js';

/** The three zones of the satisfaction-loyalty curve (DOMAIN §8). */
export type SatisfactionZone = 'defection' | 'indifference' | 'affection';

/** Options (thresholds) of {@link satisfactionZone}. */
export interface SatisfactionZoneOptions {
  /**
   * Scale of the score.
   * @defaultValue `{ min: 1, max: 5 }` (a five-point satisfaction item)
   */
  scale?: AnswerScale;
  /**
   * Fraction of the scale (0..1) below which loyalty falls sharply: the defection zone.
   * @defaultValue `0.4` (below 2.6 on 1..5)
   */
  defectionBelow?: number;
  /**
   * Fraction of the scale (0..1) from which loyalty rises sharply: the affection zone.
   * @defaultValue `0.8` (4.2 and above on 1..5)
   */
  affectionFrom?: number;
}

/**
 * Places a satisfaction score in the zone of the non-linear satisfaction-loyalty link (DOMAIN §8, seeds 000 and 004).
 *
 * Below a minimum satisfaction loyalty falls sharply (`defection`); over a wide middle band it
 * barely moves (`indifference`); above a high level it rises sharply (`affection`). With
 * `p = (score - min) / (max - min)`: `p < defectionBelow` gives defection, `p >= affectionFrom`
 * affection, anything between indifference.
 *
 * Cost: O(1).
 *
 * @param score - A satisfaction score on `scale`.
 * @param thresholds - Scale and zone boundaries, see {@link SatisfactionZoneOptions}.
 * @returns The zone.
 * @throws {@link InvalidInputError} when the score is not a finite number on the scale, or an option is invalid.
 * @example
 * ```ts
 * import { satisfactionZone } from 'loyalty-score';
 * satisfactionZone(2); // => 'defection'
 * satisfactionZone(4); // => 'indifference'
 * satisfactionZone(5); // => 'affection'
 * satisfactionZone(9, { scale: { min: 0, max: 10 } }); // => 'affection'
 * ```
 */
export function satisfactionZone(score: number, thresholds: SatisfactionZoneOptions = {}): SatisfactionZone {
  const scale = thresholds.scale ?? { min: 1, max: 5 };
  const defectionBelow = thresholds.defectionBelow ?? 0.4;
  const affectionFrom = thresholds.affectionFrom ?? 0.8;
  if (
    scale === null ||
    typeof scale !== 'object' ||
    !Number.isFinite(scale.min) ||
    !Number.isFinite(scale.max) ||
    !(scale.min < scale.max)
  ) {
    invalidOption('scale', 'expected { min, max } of finite numbers with min < max');
  }
  if (typeof defectionBelow !== 'number' || !(defectionBelow >= 0 && defectionBelow <= 1)) invalidOption('defectionBelow', 'expected a number in [0, 1]');
  if (typeof affectionFrom !== 'number' || !(affectionFrom >= 0 && affectionFrom <= 1)) invalidOption('affectionFrom', 'expected a number in [0, 1]');
  if (affectionFrom < defectionBelow) invalidOption('affectionFrom', 'expected affectionFrom >= defectionBelow');
  if (typeof score !== 'number' || !Number.isFinite(score) || score < scale.min || score > scale.max) {
    throw new InvalidInputError([
      { code: 'out_of_range', path: ['score'], message: `expected a finite number on the scale [${scale.min}, ${scale.max}]` },
    ]);
  }
  const p = (score - scale.min) / (scale.max - scale.min);
  return p < defectionBelow ? 'defection' : p >= affectionFrom ? 'affection' : 'indifference';
}
