import { InvalidInputError } from '../errors/InvalidInputError.js';
import pkg from '../../package.json' with { type: 'json' };
import { UsageError } from './args.js';
import { FIT_HELP, fitCommand } from './fitCommand.js';
import { ModelFitError } from '../pipeline/ModelFitError.js';
import { PostgresEngineError } from '../postgres/openPostgres.js';
import { REPORT_HELP, reportCommand } from './reportCommand.js';
import { RETENTION_HELP, retentionCommand } from './retentionCommand.js';
import { SCORE_HELP, scoreCommand } from './scoreCommand.js';
import { SIMULATE_HELP, simulateCommand } from './simulateCommand.js';
import { SUMMARIZE_HELP, summarizeCommand } from './summarizeCommand.js';

const HELP = `loyalty-score <command> [options]

Commands:
  score <file>       one row per customer: summary, RFM segment, ABCD tier, loyalty pyramid
                     and type with reasons, probability alive, expected purchases, lifetime value
  fit <file>         fit the purchase model(s) and Gamma-Gamma: parameters and diagnostics
  report <file>      one self-contained HTML report with charts of every measure (--output FILE)
  summarize <file>   one row per customer: RFM and BTYD summaries, revenue, cost, profit
  simulate           seeded synthetic transactions (CSV)
  retention <file>   subscriptions: sBG or BdW fit, projected survivor curve, DERL and CLV

Run 'loyalty-score <command> --help' for a command's options.

Exit codes:
  0  success
  1  invalid data: the message names the file, line and column (or the customer and field)
  2  usage error: unknown command or flag, bad flag value
  3  a file cannot be read (missing, a directory, no permission), or the output cannot be
     written (disk full, a closed stream)
  4  a model cannot be fitted or used on these data (e.g. nobody buys twice, no holdout to
     compare models on, Gamma-Gamma q <= 1)
  70 internal error (a bug: please report it)
A run ended by a signal (Ctrl-C is SIGINT, kill sends SIGTERM) has the shell status 128 plus the
signal's number (130, 143): its output is incomplete.
`;

const COMMANDS: Record<string, { run: (argv: string[]) => Promise<void>; help: string }> = {
  score: { run: scoreCommand, help: SCORE_HELP },
  fit: { run: fitCommand, help: FIT_HELP },
  report: { run: reportCommand, help: REPORT_HELP },
  summarize: { run: summarizeCommand, help: SUMMARIZE_HELP },
  simulate: { run: simulateCommand, help: SIMULATE_HELP },
  retention: { run: retentionCommand, help: RETENTION_HELP },
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(HELP);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version') {
    process.stdout.write(`loyalty-score ${pkg.version}\n`);
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`loyalty-score: unknown command '${name}'\n\n${HELP}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(command.help);
    return 0;
  }
  try {
    await command.run(rest);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`loyalty-score ${name}: ${e.message}\n\n${command.help}`);
      return 2;
    }
    if (e instanceof InvalidInputError) {
      process.stderr.write(`loyalty-score ${name}: ${e.message}\n`);
      return 1;
    }
    if (e instanceof ModelFitError) {
      process.stderr.write(`loyalty-score ${name}: ${e.message}\n`);
      return 4;
    }
    if (e instanceof PostgresEngineError) {
      process.stderr.write(`loyalty-score ${name}: ${e.message}\n`);
      return 3;
    }
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') {
      process.stderr.write(`loyalty-score ${name}: cannot read file: ${(e as Error).message}\n`);
      return 3;
    }
    if (code === 'EPIPE') return 0;
    throw e;
  }
}

process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  // A write that fails (ENOSPC on a full disk, EBADF on a closed stream): a message and exit 3, no stack.
  process.stderr.write(`loyalty-score: cannot write the output: ${e.code ?? e.message}${e.code === 'ENOSPC' ? ' (no space left on the device)' : ''}\n`);
  process.exit(3);
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`loyalty-score: unexpected error: ${(e as Error).stack ?? String(e)}\n`);
    process.exitCode = 70;
  },
);
