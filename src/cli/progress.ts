/** The part of a stream the progress bar writes to. */
export interface ProgressStream {
  readonly isTTY?: boolean;
  columns?: number;
  write(text: string): boolean;
}

/** One step of a command: its label and its share of the whole run (weights need not sum to 1). */
export interface ProgressStep {
  readonly label: string;
  readonly weight: number;
}

/**
 * A progress bar on one terminal line: `[#########---------]  47% fitting bgnbd`.
 *
 * A command declares its steps with weights; `start(label)` moves to a step, `update(f)` reports
 * the fraction done within it. Draws only when the stream is a terminal (`isTTY`), at most every
 * 100 ms, and clears its line at `done()`, so piped or redirected stderr gets nothing from it.
 */
export class Progress {
  private readonly enabled: boolean;
  private readonly steps: readonly ProgressStep[];
  private readonly total: number;
  private index = -1;
  private before = 0;
  private lastDraw = 0;
  private drawn = false;

  constructor(
    steps: readonly ProgressStep[],
    private readonly stream: ProgressStream = process.stderr,
    private readonly now: () => number = Date.now,
  ) {
    this.enabled = stream.isTTY === true;
    this.steps = steps;
    this.total = steps.reduce((s, x) => s + x.weight, 0) || 1;
  }

  /** Moves to the step with this label (steps are taken in order; unknown labels are ignored). */
  start(label: string): void {
    const i = this.steps.findIndex((s, k) => k > this.index && s.label.startsWith(label));
    if (i < 0) return;
    this.before = this.steps.slice(0, i).reduce((s, x) => s + x.weight, 0);
    this.index = i;
    this.draw(0, true);
  }

  /** Reports the fraction (0..1) done of the current step. */
  update(fraction: number): void {
    if (this.index < 0) return;
    this.draw(Math.min(1, Math.max(0, fraction)), false);
  }

  /** Clears the bar's line. */
  done(): void {
    if (this.enabled && this.drawn) this.stream.write('\r\x1b[2K');
    this.drawn = false;
  }

  /** The overall percentage for a fraction of the current step (0..100, whole). */
  percent(fraction: number): number {
    const step = this.steps[this.index];
    const doneWeight = this.before + (step ? step.weight * fraction : 0);
    return Math.floor((100 * doneWeight) / this.total);
  }

  private draw(fraction: number, force: boolean): void {
    if (!this.enabled) return;
    const t = this.now();
    if (!force && t - this.lastDraw < 100) return;
    this.lastDraw = t;
    const pct = this.percent(fraction);
    const width = 24;
    const filled = Math.round((width * pct) / 100);
    const label = this.steps[this.index]?.label ?? '';
    const line = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(pct).padStart(3)}% ${label}`;
    const cols = this.stream.columns;
    const max = (cols !== undefined && cols > 10 ? cols : 80) - 1;
    this.stream.write(`\r\x1b[2K${line.length > max ? line.slice(0, max) : line}`);
    this.drawn = true;
  }
}
