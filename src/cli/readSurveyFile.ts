import { readFile } from 'node:fs/promises';
import { InvalidInputError } from '../errors/InvalidInputError.js';
import type { InputIssue, NonEmptyArray } from '../errors/issues.js';
import { detectDelimiter, splitFields } from '../io/splitFields.js';
import type { AnswerScale, AttitudeSignals, ContextSignals } from '../loyalty/types.js';
import type { SurveyAnswers } from '../pipeline/types.js';
import type { CustomerId } from '../transactions/types.js';
import { fileLabel } from './readTransactionFile.js';

type Group = 'attitude' | 'context';
type Item = { readonly group: Group; readonly key: string; readonly kind: 'scaled' | 'boolean' };

/** Survey columns by header name (snake_case or camelCase, case-insensitive). */
const ITEMS: Readonly<Record<string, Item>> = (() => {
  // Null prototype: a header named constructor or __proto__ is an unknown column, not Object.prototype.
  const out = Object.create(null) as Record<string, Item>;
  const add = (group: Group, key: string, kind: Item['kind'] = 'scaled'): void => {
    out[key.toLowerCase()] = { group, key, kind };
    out[key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)] = { group, key, kind };
  };
  for (const k of ['satisfaction', 'repurchaseIntention', 'recommendLikelihood', 'competitorAppeal', 'qualityTolerance', 'priceSensitivity', 'decisionTime']) add('attitude', k);
  add('context', 'hasAlternatives', 'boolean');
  add('context', 'switchingCost');
  add('context', 'convenience');
  return out;
})();

const ID_COLUMNS = new Set(['customer_id', 'customerid', 'customer', 'id']);
const TRUE = new Set(['true', 'yes', 'y', '1']);
const FALSE = new Set(['false', 'no', 'n', '0']);

/**
 * Reads a survey file: a header row with a customer id column (`customer_id`) and any of the
 * answer columns `satisfaction`, `repurchase_intention`, `recommend_likelihood`,
 * `competitor_appeal`, `quality_tolerance`, `price_sensitivity`, `decision_time` (attitude),
 * `has_alternatives` (true/false), `switching_cost`, `convenience` (context); empty cells are
 * unanswered. Answers are on `scale`. Ids follow the transaction reader's `ids` rule, so `00042`
 * meets customer 42 under `'auto'`.
 * @throws {InvalidInputError} naming the file, line and column of the first bad cell.
 */
export async function readSurveyFile(path: string, scale: AnswerScale, ids: 'auto' | 'string', reveal = false): Promise<Map<CustomerId, SurveyAnswers>> {
  const text = await readFile(path, 'utf8');
  const lines = text.split(/\r?\n/);
  const issues: InputIssue[] = [];
  const out = new Map<CustomerId, SurveyAnswers>();
  const first = lines[0] ?? '';
  const delimiter = detectDelimiter(first);
  const header = splitFields(first, delimiter).map((h) => h.trim());
  const idCol = header.findIndex((h) => ID_COLUMNS.has(h.toLowerCase()));
  if (idCol < 0) issues.push({ code: 'missing_column', path: ['header'], line: 1, message: 'expected a customer id column (customer_id)' });
  const items = header.map((h, i) => {
    if (i === idCol) return null;
    const item = ITEMS[h.toLowerCase()];
    // without an id column the first line may be data (no header): then not echoed unless reveal
    if (!item) issues.push({ code: 'unknown_column', path: reveal || idCol >= 0 ? ['header', h] : ['header'], line: 1, column: i + 1, message: `not a survey item (expected one of ${[...new Set(Object.values(ITEMS).map((x) => x.key))].join(', ')})` });
    return item ?? null;
  });
  let records = 0;
  for (let l = 1; l < lines.length && issues.length < 100; l++) {
    const line = lines[l]!;
    if (line.trim() === '') continue;
    const cells = splitFields(line, delimiter);
    const record = records++;
    const where = (i: number, name: string): { path: [number, string]; line: number; column: number } => ({ path: [record, name], line: l + 1, column: i + 1 });
    const rawId = (cells[idCol] ?? '').trim();
    if (rawId === '') {
      issues.push({ code: 'missing_field', ...where(idCol, header[idCol] ?? 'customer_id'), message: 'expected a customer id' });
      continue;
    }
    const id: CustomerId = ids === 'auto' && /^\d{1,15}$/.test(rawId) ? Number(rawId) : rawId;
    const groups: { attitude: Record<string, unknown>; context: Record<string, unknown> } = { attitude: {}, context: {} };
    items.forEach((item, i) => {
      if (!item) return;
      const cell = (cells[i] ?? '').trim();
      if (cell === '') return;
      if (item.kind === 'boolean') {
        const v = cell.toLowerCase();
        if (TRUE.has(v)) groups.context[item.key] = true;
        else if (FALSE.has(v)) groups.context[item.key] = false;
        else issues.push({ code: 'invalid_value', ...where(i, header[i]!), message: 'expected true or false' });
        return;
      }
      const n = Number(cell);
      if (!Number.isFinite(n) || n < scale.min || n > scale.max) {
        issues.push({ code: Number.isFinite(n) ? 'out_of_range' : 'not_finite', ...where(i, header[i]!), message: `expected a number from ${scale.min} to ${scale.max}` });
        return;
      }
      groups[item.group][item.key] = n;
    });
    if (out.has(id)) {
      issues.push({ code: 'duplicate_customer', ...where(idCol, header[idCol]!), ...(reveal ? { customerId: id } : {}), message: 'this customer already has answers on an earlier line' });
      continue;
    }
    const answers: { attitude?: AttitudeSignals; context?: ContextSignals } = {};
    if (Object.keys(groups.attitude).length > 0) answers.attitude = { scale, ...groups.attitude } as AttitudeSignals;
    if (Object.keys(groups.context).length > 0) answers.context = { scale, ...groups.context } as ContextSignals;
    out.set(id, answers);
  }
  const [head, ...rest] = issues;
  if (head) throw new InvalidInputError([head, ...rest] as NonEmptyArray<InputIssue>, fileLabel(path));
  return out;
}
