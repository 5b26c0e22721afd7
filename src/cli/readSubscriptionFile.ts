import { readFile } from 'node:fs/promises';
import { InvalidInputError } from '../errors/InvalidInputError.js';
import type { InputIssue, NonEmptyArray } from '../errors/issues.js';
import { detectDelimiter, splitFields } from '../io/splitFields.js';
import type { SubscriptionRecord } from '../models/contractual/subscriptionCohorts.js';
import { fileLabel } from './readTransactionFile.js';

/** Which column holds each field: a header name or a 1-based position; absent: the usual names. */
export interface SubscriptionColumns {
  readonly customer?: string | undefined;
  readonly start?: string | undefined;
  readonly end?: string | undefined;
}

/** A read subscription file: its rows, and where each row came from (for error messages). */
export interface SubscriptionFile {
  readonly rows: SubscriptionRecord[];
  /** `lines[i]`: the 1-based line of row i. */
  readonly lines: number[];
  /** 1-based column of each field. */
  readonly columns: { readonly customerId: number; readonly start: number; readonly end: number };
  /** Latest start or end date in the file, `yyyy-MM-dd` (text order equals date order). */
  readonly latestDate: string;
}

const NAMES: Record<keyof SubscriptionColumns, readonly string[]> = {
  customer: ['customer_id', 'customerid', 'customer', 'cust', 'id', 'client', 'client_id', 'user_id', 'subscriber', 'subscriber_id'],
  start: ['start', 'start_date', 'started', 'started_at', 'begin', 'from', 'signup', 'signup_date'],
  end: ['end', 'end_date', 'ended', 'ended_at', 'cancelled', 'canceled', 'cancel_date', 'churn_date', 'to'],
};
const POSITIONS: Record<keyof SubscriptionColumns, number> = { customer: 1, start: 2, end: 3 };

/**
 * Reads a subscription file: one subscription per line, a customer id, a start date and an end
 * date (`yyyy-MM-dd`; empty while still subscribed). CSV, TSV or another delimiter (detected on
 * the first line); a header is detected when the first line's start field is not a date. Ids made
 * only of digits become numbers under `ids: 'auto'`.
 * @throws {InvalidInputError} naming the file (and the header) when a column cannot be found.
 */
export async function readSubscriptionFile(path: string, columns: SubscriptionColumns, ids: 'auto' | 'string', reveal = false): Promise<SubscriptionFile> {
  const text = path === '-' ? await readStdin() : await readFile(path, 'utf8');
  const all = text.split(/\r?\n/);
  const firstIndex = all.findIndex((l) => l.trim() !== '');
  const first = firstIndex < 0 ? '' : all[firstIndex]!;
  const delimiter = detectDelimiter(first);
  const cells = splitFields(first, delimiter).map((h) => h.trim());
  const named = Object.values(columns).some((c) => c !== undefined && !/^\d+$/.test(c));
  const header = named || !/^\d{4}-\d{2}-\d{2}/.test(cells[resolvePosition(columns.start, POSITIONS.start)] ?? '');
  const issues: InputIssue[] = [];
  const index = (field: keyof SubscriptionColumns): number => {
    const given = columns[field];
    if (given !== undefined && /^\d+$/.test(given)) return Number(given) - 1;
    if (!header) return POSITIONS[field] - 1;
    const wanted = given !== undefined ? [given.toLowerCase()] : NAMES[field];
    const k = cells.findIndex((h) => wanted.includes(h.toLowerCase()));
    if (k < 0) {
      issues.push({ code: 'missing_column', path: ['header', field], line: firstIndex + 1, message: `no ${field} column: the header has ${reveal ? cells.join(', ') : `${cells.length} columns (--reveal-values names them)`}; looked for ${wanted.join(', ')} (name it with --${field})` });
    }
    return k;
  };
  const cols = { customerId: index('customer'), start: index('start'), end: index('end') };
  if (issues.length > 0) throw new InvalidInputError(issues as unknown as NonEmptyArray<InputIssue>, fileLabel(path));
  const rows: SubscriptionRecord[] = [];
  const lines: number[] = [];
  let latest = '';
  for (let l = header ? firstIndex + 1 : Math.max(firstIndex, 0); l < all.length; l++) {
    const line = all[l]!;
    if (line.trim() === '') continue;
    const f = splitFields(line, delimiter);
    const rawId = (f[cols.customerId] ?? '').trim();
    const start = (f[cols.start] ?? '').trim();
    const end = (f[cols.end] ?? '').trim();
    const customerId = ids === 'auto' && /^\d{1,15}$/.test(rawId) ? Number(rawId) : rawId;
    rows.push(end === '' ? { customerId, start } : { customerId, start, end });
    lines.push(l + 1);
    if (start > latest && /^\d{4}-\d{2}-\d{2}$/.test(start)) latest = start;
    if (end > latest && /^\d{4}-\d{2}-\d{2}$/.test(end)) latest = end;
  }
  return { rows, lines, columns: { customerId: cols.customerId + 1, start: cols.start + 1, end: cols.end + 1 }, latestDate: latest };
}

function resolvePosition(given: string | undefined, fallback: number): number {
  return given !== undefined && /^\d+$/.test(given) ? Number(given) - 1 : fallback - 1;
}

async function readStdin(): Promise<string> {
  let text = '';
  process.stdin.setEncoding('utf8');
  for await (const chunk of process.stdin) text += chunk as string;
  return text;
}
