import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assignTiers, scoreCustomers, scoreRfm, summarizeCustomers } from '../../src/index.js';
import { cli } from '../cli/runCli.js';

// Class "survey columns and hostile names" (issue 11): names that are Object.prototype members
// (constructor, __proto__, toString, hasOwnProperty) are plain names everywhere: maps by name have
// null prototypes or are Maps.

const HOSTILE = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'] as const;

describe('hostile names', () => {
  it('customer ids that are Object.prototype members are ordinary customers through summaries, RFM, tiers and the pipeline', () => {
    const tx = HOSTILE.flatMap((id, k) => [
      { customerId: id, date: '2024-01-01', amount: 10 + k },
      { customerId: id, date: `2024-0${2 + k}-1${k}`, amount: 20 + k },
    ]);
    const summaries = summarizeCustomers(tx, { asOf: '2024-06-30' });
    expect(summaries.customers.map((c) => c.customerId).sort()).toEqual([...HOSTILE].sort());
    expect(scoreRfm(summaries).customers).toHaveLength(HOSTILE.length);
    expect(assignTiers(summaries).customers).toHaveLength(HOSTILE.length);
    const survey = HOSTILE.map((customerId) => ({ customerId, attitude: { satisfaction: { value: 4, min: 1, max: 5 } } }));
    const scores = scoreCustomers(tx, { asOf: '2024-06-30', survey });
    expect(scores.length).toBe(HOSTILE.length);
  });

  it.each(['constructor', '__proto__', 'toString'])('a survey column named %s is an unknown column (exit 1 or 2), never a TypeError (exit 70)', (name) => {
    const dir = mkdtempSync(join(tmpdir(), 'hostile-'));
    const txFile = join(dir, 'tx.csv');
    const surveyFile = join(dir, 'survey.csv');
    writeFileSync(txFile, 'customer_id,date,amount\nC1,2024-01-01,10\nC1,2024-02-01,12\nC2,2024-01-05,7\n');
    writeFileSync(surveyFile, `customer_id,satisfaction,${name}\nC1,4,3\n`);
    const r = cli(['score', txFile, '--survey', surveyFile]);
    expect(r.code).not.toBe(70);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain(name);
    expect(r.stderr).not.toMatch(/TypeError/);
  });
});
