// Dates are read on the calendar of the text whatever the process time zone: the same text gives
// the same days under TZ=America/New_York, UTC, Asia/Tokyo and Pacific/Kiritimati (UTC+14, which
// skipped 1994-12-31 altogether). Node applies a new process.env.TZ at once; the command line is
// also run in child processes with TZ set.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { isoFromDay, parseTransactions, TransactionTextReader, type TransactionTextOptions } from '../../src/index.js';
import { CLI, ROOT } from '../cli/runCli.js';

const ZONES = ['America/New_York', 'UTC', 'Asia/Tokyo', 'Pacific/Kiritimati'];
const original = process.env.TZ;
afterAll(() => {
  if (original === undefined) delete process.env.TZ;
  else process.env.TZ = original;
});

function days(text: string, options: TransactionTextOptions): string[] {
  const r = new TransactionTextReader(options);
  r.push(text);
  return Array.from(r.finish().table.day).map(isoFromDay);
}

// [format, dates as written, the calendar dates they name]
const CASES: readonly [string, string[], string[]][] = [
  ['yyyy-MM-dd HH:mm:ss xx', ['2024-03-01 23:30:00 -0500', '2024-03-01 00:30:00 +1400', '1994-12-31 12:00:00 -1000'], ['2024-03-01', '2024-03-01', '1994-12-31']],
  ['M/d/yyyy H:mm', ['12/31/1994 0:00', '3/10/2024 2:30', '11/3/2024 1:30'], ['1994-12-31', '2024-03-10', '2024-11-03']],
  ['d MMM yyyy', ['31 Dec 1994', '10 Mar 2024'], ['1994-12-31', '2024-03-10']],
  ['dd/MM/yyyy', ['31/12/1994', '10/03/2024'], ['1994-12-31', '2024-03-10']],
  ['iso', ['1994-12-31T00:00:00', '2024-03-10T02:30:00-05:00', '2024-03-01T23:30:00Z'], ['1994-12-31', '2024-03-10', '2024-03-01']],
  ['yyyyMMdd', ['19941231', '20240310'], ['1994-12-31', '2024-03-10']],
];

describe.each(ZONES)('under TZ=%s', (zone) => {
  it('reads every format on the calendar written', () => {
    process.env.TZ = zone;
    expect(new Date(2024, 0, 1).getTimezoneOffset()).toBe(zone === 'UTC' ? 0 : zone === 'Asia/Tokyo' ? -540 : zone === 'Pacific/Kiritimati' ? -840 : 300);
    for (const [format, texts, want] of CASES) {
      const text = `customer,date,amount\n${texts.map((t, i) => `c${i},"${t}",1`).join('\n')}\n`;
      expect(days(text, { dateFormat: format }), format).toEqual(want);
      const rows = texts.map((t, i) => ({ customerId: i, date: t, amount: 1 }));
      expect(Array.from(parseTransactions(rows, { dateFormat: format }).table.day).map(isoFromDay), format).toEqual(want);
    }
  });

  it('dates instants on the calendar of --time-zone, and epoch values in UTC without one', () => {
    process.env.TZ = zone;
    const text = 'customer,date,amount\na,2024-03-01 23:30:00 -0500,1\nb,2024-03-01 12:00:00 +0000,1\nc,2024-03-01 00:00:00 +0000,1\n';
    const format = 'yyyy-MM-dd HH:mm:ss xx';
    expect(days(text, { dateFormat: format, timeZone: 'Asia/Tokyo' })).toEqual(['2024-03-02', '2024-03-01', '2024-03-01']);
    expect(days(text, { dateFormat: format, timeZone: 'America/Los_Angeles' })).toEqual(['2024-03-01', '2024-03-01', '2024-02-29']);
    expect(days(text, { dateFormat: format, timeZone: 'Pacific/Kiritimati' })).toEqual(['2024-03-02', '2024-03-02', '2024-03-01']);
    // 1709330400 s = 2024-03-01T22:00:00Z
    expect(days('customer,date,amount\na,1709330400,1\n', { dateFormat: 't' })).toEqual(['2024-03-01']);
    expect(days('customer,date,amount\na,1709330400000,1\n', { dateFormat: 'T', timeZone: 'Asia/Tokyo' })).toEqual(['2024-03-02']);
    // Around a daylight-saving change: 2024-03-31 01:30 UTC is 03:30 in Berlin (the clocks went forward at 01:00 UTC).
    expect(days('customer,date,amount\na,2024-03-30T23:30:00Z,1\nb,2024-10-26T22:30:00Z,1\n', { timeZone: 'Europe/Berlin' })).toEqual(['2024-03-31', '2024-10-27']);
  });
});

describe.runIf(existsSync(CLI))('the command line under each TZ', () => {
  it('summarizes the same days in every process time zone', () => {
    const input = 'customer,date,amount\na,2024-03-01 23:30:00 -0500,1\na,1994-12-31 12:00:00 +1400,2\n';
    const outs = ZONES.map((TZ) => {
      const r = spawnSync(process.execPath, [CLI, 'summarize', '-', '--date-format', 'yyyy-MM-dd HH:mm:ss xx'], { cwd: ROOT, input, encoding: 'utf8', env: { ...process.env, TZ } });
      expect(r.status, r.stderr).toBe(0);
      return r.stdout;
    });
    expect(outs[0]).toContain('a,1994-12-31,2024-03-01,');
    for (const o of outs) expect(o).toBe(outs[0]);
  });
});
