/**
 * The two cohorts of Fader & Hardie (2007), "How to project customer retention", Table 1 (from
 * Berry & Linoff 2004): customers of 1,000 still active at the end of years 0..12. The paper
 * calibrates on years 0..7 and projects years 8..12.
 */
export const HIGH_END = [1000, 869, 743, 653, 593, 551, 517, 491, 468, 445, 427, 409, 394] as const;
export const REGULAR = [1000, 631, 468, 382, 326, 289, 262, 241, 223, 207, 194, 183, 173] as const;

/** The calibration years 0..7 of a cohort. */
export function calibration(cohort: readonly number[]): number[] {
  return cohort.slice(0, 8);
}
