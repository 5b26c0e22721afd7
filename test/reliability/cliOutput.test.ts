import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLI, ROOT } from '../cli/runCli.js';

// Class "output integrity" (issue 11), as far as it is done: a write error is a clear message and
// exit 3, not a stack trace; the help documents signal exits.

describe('CLI output integrity', () => {
  it.runIf(existsSync('/dev/full'))('> /dev/full: exit 3 and one clear line, no stack trace', () => {
    const fd = openSync('/dev/full', 'w');
    try {
      const r = spawnSync(process.execPath, [CLI, 'score', 'examples/data/transactions.csv'], { cwd: ROOT, stdio: ['ignore', fd, 'pipe'], encoding: 'utf8' });
      expect(r.status).toBe(3);
      expect(r.stderr).toContain('loyalty-score: cannot write the output: ENOSPC (no space left on the device)');
      expect(r.stderr).not.toMatch(/\n\s+at /);
    } finally {
      closeSync(fd);
    }
  });

  it('the help says how a signal ends a run', () => {
    const r = spawnSync(process.execPath, [CLI, '--help'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stdout).toMatch(/128 plus the\s+signal's number \(130, 143\)/);
  });
});
