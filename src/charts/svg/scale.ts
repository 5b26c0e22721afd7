/** A linear map from a data interval to a pixel interval. @internal */
export interface LinearScale {
  (value: number): number;
  readonly domain: readonly [number, number];
  readonly ticks: readonly number[];
}

/**
 * Round tick values covering [min, max]: steps of 1, 2 or 5 times a power of ten, about
 * `count` of them; the domain is widened to the outer ticks. @internal
 */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!(Number.isFinite(min) && Number.isFinite(max))) return [0, 1];
  if (max < min) [min, max] = [max, min];
  // A range too small for the numbers' precision is drawn as one value.
  if (max - min <= 1e-12 * Math.max(Math.abs(min), Math.abs(max))) max = min;
  if (max === min) {
    if (max === 0) return [0, 1];
    const pad = Math.abs(max) * 0.5;
    return niceTicks(min - pad, max + pad, count);
  }
  const raw = (max - min) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const step = (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power;
  // The outer ticks enclose [min, max] exactly, in floating point.
  let start = Math.floor(min / step);
  while (start * step > min) start--;
  while ((start + 1) * step <= min) start++;
  let end = Math.ceil(max / step);
  while (end * step < max) end++;
  while ((end - 1) * step >= max) end--;
  if (!(end - start >= 1 && end - start <= 4 * count + 4)) return [min, max];
  const ticks: number[] = [];
  for (let k = start; k <= end; k++) {
    const exact = k * step;
    const round = Number(exact.toPrecision(12));
    ticks.push((k === start && round > min) || (k === end && round < max) ? exact : round);
  }
  return ticks;
}

/** A linear scale over nice ticks of [min, max] onto [from, to] pixels. @internal */
export function linearScale(min: number, max: number, from: number, to: number, count = 5): LinearScale {
  const ticks = niceTicks(min, max, count);
  const d0 = ticks[0]!;
  const d1 = ticks[ticks.length - 1]!;
  const scale = ((v: number) => from + ((v - d0) / (d1 - d0)) * (to - from)) as LinearScale;
  return Object.assign(scale, { domain: [d0, d1] as const, ticks });
}

/** Tick label of a number: thousands with a thin grouping, at most 3 significant decimals. @internal */
export function formatTick(v: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e6) return `${trim(v / 1e6)}M`;
  if (a >= 1e4) return `${trim(v / 1e3)}k`;
  return trim(v);
}

function trim(v: number): string {
  return Number(v.toPrecision(4)).toString();
}
