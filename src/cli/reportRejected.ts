import { formatIssue } from '../errors/issues.js';
import type { RejectedLine } from '../io/TransactionTextReader.js';

/** Tells stderr how many lines were skipped under --on-invalid collect, with the first few. */
export function reportRejected(rejected: readonly RejectedLine[]): void {
  if (rejected.length === 0) return;
  process.stderr.write(`${rejected.length} invalid line${rejected.length > 1 ? 's' : ''} skipped:\n`);
  for (const r of rejected.slice(0, 10)) for (const i of r.issues) process.stderr.write(`  ${formatIssue(i)}\n`);
  if (rejected.length > 10) process.stderr.write(`  … and ${rejected.length - 10} more lines\n`);
}
