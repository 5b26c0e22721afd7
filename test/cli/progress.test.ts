import { describe, expect, it } from 'vitest';
import { Progress, type ProgressStream } from '../../src/cli/progress.js';

function fakeStream(isTTY: boolean): ProgressStream & { text: string } {
  const s = {
    isTTY,
    columns: 80,
    text: '',
    write(t: string): boolean {
      s.text += t;
      return true;
    },
  };
  return s;
}

const STEPS = [
  { label: 'reading', weight: 50 },
  { label: 'fitting', weight: 30 },
  { label: 'scoring', weight: 20 },
];

describe('Progress', () => {
  it('draws a bar with the overall percentage on a terminal, and clears it at the end', () => {
    let now = 0;
    const s = fakeStream(true);
    const p = new Progress(STEPS, s, () => now);
    p.start('reading');
    expect(s.text).toContain('[------------------------]   0% reading');
    now += 200;
    p.update(0.5);
    expect(s.text).toContain('[######------------------]  25% reading');
    now += 10;
    p.update(0.9); // within 100 ms of the last draw: skipped
    expect(s.text).not.toContain('45%');
    p.start('fitting');
    expect(s.text).toContain('  50% fitting');
    p.start('scoring');
    now += 200;
    p.update(1);
    expect(s.text).toContain('[########################] 100% scoring');
    p.done();
    expect(s.text.endsWith('\r\x1b[2K')).toBe(true);
  });

  it('skips steps that are not taken, and writes nothing when the stream is not a terminal', () => {
    const s = fakeStream(false);
    const p = new Progress(STEPS, s, () => 0);
    p.start('reading');
    p.update(0.5);
    p.start('scoring');
    expect(p.percent(0.5)).toBe(90);
    p.done();
    expect(s.text).toBe('');
  });
});
