/**
 * Okabe & Ito's colour-blind-safe qualitative palette (Color Universal Design, 2008), in the
 * order we assign series: blue, orange, bluish green, vermillion, reddish purple, sky blue,
 * yellow. @internal
 */
export const CATEGORICAL: readonly string[] = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#F0E442'];

// Stops of the viridis colour map (van der Walt & Smith, matplotlib, CC0): perceptually uniform,
// readable in grey and by the common colour-vision deficiencies.
const VIRIDIS: readonly (readonly [number, number, number])[] = [
  [68, 1, 84],
  [72, 40, 120],
  [62, 74, 137],
  [49, 104, 142],
  [38, 130, 142],
  [31, 158, 137],
  [53, 183, 121],
  [110, 206, 88],
  [181, 222, 43],
  [253, 231, 37],
];

/** The sequential colour of `t` in [0, 1] (viridis, dark to light). @internal */
export function sequential(t: number): string {
  const x = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (VIRIDIS.length - 1);
  const i = Math.min(VIRIDIS.length - 2, Math.floor(x));
  const f = x - i;
  const a = VIRIDIS[i]!;
  const b = VIRIDIS[i + 1]!;
  const c = (k: number): string => Math.round(a[k]! + f * (b[k]! - a[k]!)).toString(16).padStart(2, '0');
  return `#${c(0)}${c(1)}${c(2)}`;
}

/** Black or white, whichever reads better on the sequential colour of `t`. @internal */
export function textOnSequential(t: number): string {
  return t > 0.55 ? '#000000' : '#ffffff';
}
