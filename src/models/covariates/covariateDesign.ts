import { InvalidInputError } from '../../errors/InvalidInputError.js';
import type { InputIssue, NonEmptyArray } from '../../errors/issues.js';
import { rejectUnknownKeys, type KeyList } from '../../errors/knownKeys.js';
import type { CovariateDesign, CovariateEncoding, CovariateOptions, ProcessDesign } from './types.js';

/** Relative residual below which a design column counts as a linear combination of the earlier ones. */
const COLLINEAR = 1e-10;

/** The two processes, in the order of the parameter vector. */
export const PROCESSES = ['purchase', 'dropout'] as const;

/** One process of a covariate design. @internal */
export type Process = (typeof PROCESSES)[number];

/** Design columns of the customers in the likelihood, per process. @internal */
export interface DesignMatrix {
  readonly design: CovariateDesign;
  /** One column per coefficient, each with one entry per row passed in. */
  readonly purchase: readonly Float64Array[];
  readonly dropout: readonly Float64Array[];
}

/** The keys of {@link CovariateOptions}. */
const COVARIATE_OPTION_KEYS: KeyList<CovariateOptions> = { purchase: true, dropout: true };

/**
 * Checks the `covariates` option: an object whose `purchase` and `dropout` are arrays of distinct,
 * non-empty field names.
 * @throws {InvalidInputError} `invalid_option` at `['options', 'covariates', …]` otherwise;
 * `unknown_option` at `['options', 'covariates', key]` for a key other than those two, naming the nearest.
 * @internal
 */
export function checkCovariateOptions(options: unknown, fn: string): Required<CovariateOptions> {
  const bad = (path: readonly (string | number)[], message: string): never => {
    throw new InvalidInputError([{ code: 'invalid_option', path: ['options', 'covariates', ...path], message }], fn);
  };
  if (options === null || typeof options !== 'object' || Array.isArray(options)) bad([], 'expected { purchase?: string[], dropout?: string[] }');
  const o = options as Record<string, unknown>;
  rejectUnknownKeys(o, COVARIATE_OPTION_KEYS, ['options', 'covariates'], fn);
  const out = { purchase: [] as string[], dropout: [] as string[] };
  for (const process of PROCESSES) {
    const names = o[process];
    if (names === undefined) continue;
    if (!Array.isArray(names)) bad([process], 'expected an array of field names');
    const seen = new Set<string>();
    (names as unknown[]).forEach((name, k) => {
      if (typeof name !== 'string' || name.length === 0) bad([process, k], 'expected a non-empty field name');
      if (seen.has(name as string)) bad([process, k], `covariate ${name as string} is listed twice`);
      if (name === 'frequency' || name === 'recency' || name === 'T' || name === 'btyd') bad([process, k], `${name as string} is part of the purchase history, not a covariate`);
      seen.add(name as string);
    });
    out[process] = names as string[];
  }
  return out;
}

/**
 * Reads and checks the covariate values of every customer, then encodes those of the rows in the
 * likelihood as design columns.
 *
 * A field whose values are all numbers (or booleans, taken as 0/1) is one column; a field whose
 * values are all strings is categorical: its k categories, sorted, give k − 1 dummy columns named
 * `field=category`, the first category being the reference. Every customer is checked (missing
 * value, non-finite number, a type unlike the field's other values); then, over the rows in the
 * likelihood and with their weights, a column that does not vary is an error naming its field, and so is
 * one that is a linear combination of the earlier columns of its process and the intercept
 * (Gram-Schmidt on the weighted, centred columns, relative residual below 1e-10).
 *
 * @param fields - The checked `covariates` option.
 * @param n - Number of customers.
 * @param valueAt - The raw value of a field for customer i.
 * @param idAt - The customer id of row i, when it has one (set as `customerId` on its issues).
 * @param used - Indices of the customers in the likelihood, in the order of the returned columns.
 * @param weights - Weight of each used row, in the order of `used`.
 * @throws {InvalidInputError} `missing_field`, `not_finite` or `invalid_value` at `[i, field]` for
 * a bad value (every one is listed); `not_identified` at `['options', 'covariates', process, field]`
 * for a constant or collinear covariate.
 * @internal
 */
export function covariateDesign(
  fields: Required<CovariateOptions>,
  n: number,
  valueAt: (i: number, field: string) => unknown,
  idAt: (i: number) => string | number | undefined,
  used: ArrayLike<number>,
  weights: ArrayLike<number>,
  fn: string,
): DesignMatrix {
  const issues: InputIssue[] = [];
  const kinds = new Map<string, CovariateEncoding>();
  for (const field of new Set([...fields.purchase, ...fields.dropout])) {
    const found = checkField(field, n, valueAt, idAt);
    if (Array.isArray(found)) issues.push(...found);
    else kinds.set(field, found);
  }
  if (issues.length > 0) throw new InvalidInputError(issues as unknown as NonEmptyArray<InputIssue>, fn);
  const out = {} as Record<Process, Float64Array[]>;
  const design = {} as Record<Process, ProcessDesign>;
  for (const process of PROCESSES) {
    const encodings = fields[process].map((f) => kinds.get(f)!);
    const columns: Float64Array[] = [];
    for (const enc of encodings) columns.push(...encodeColumns(enc, used, valueAt));
    const names = encodings.flatMap((e) => e.columns);
    checkRank(process, encodings, names, columns, weights, fn);
    out[process] = columns;
    design[process] = { encodings, columns: names };
  }
  return { design, purchase: out.purchase, dropout: out.dropout };
}

/**
 * The design row z of one customer for one process, from its raw field values.
 * @throws {InvalidInputError} `missing_field`, `not_finite` or `invalid_value` (a category the fit
 * never saw) at `[index, field]`.
 * @internal
 */
export function encodeCovariates(process: ProcessDesign, valueOf: (field: string) => unknown, index: number | string, fn: string): Float64Array {
  const z = new Float64Array(process.columns.length);
  let j = 0;
  for (const enc of process.encodings) {
    const v = valueOf(enc.field);
    const issue = valueIssue(enc, v, index);
    if (issue !== null) throw new InvalidInputError([issue], fn);
    if (enc.kind === 'numeric') z[j++] = numeric(v);
    else {
      const cats = enc.categories!;
      for (let c = 1; c < cats.length; c++) z[j++] = v === cats[c] ? 1 : 0;
    }
  }
  return z;
}

function numeric(v: unknown): number {
  return typeof v === 'boolean' ? (v ? 1 : 0) : (v as number);
}

function valueIssue(enc: CovariateEncoding, v: unknown, index: number | string): InputIssue | null {
  const path = [index, enc.field];
  if (v === undefined || v === null || (typeof v === 'number' && Number.isNaN(v))) {
    return { code: 'missing_field', path, message: `missing value of covariate ${enc.field}` };
  }
  if (enc.kind === 'numeric') {
    if (typeof v === 'boolean') return null;
    if (typeof v !== 'number') return { code: 'invalid_value', path, message: `expected a number or boolean for covariate ${enc.field}, like its other values` };
    if (!Number.isFinite(v)) return { code: 'not_finite', path, message: `expected a finite number for covariate ${enc.field}` };
    return null;
  }
  if (typeof v !== 'string') return { code: 'invalid_value', path, message: `expected a category (string) for covariate ${enc.field}, like its other values` };
  if (!enc.categories!.includes(v)) return { code: 'invalid_value', path, message: `covariate ${enc.field} has a category the model was not fitted with (expected one of its ${enc.categories!.length} categories)` };
  return null;
}

function checkField(field: string, n: number, valueAt: (i: number, field: string) => unknown, idAt: (i: number) => string | number | undefined): CovariateEncoding | InputIssue[] {
  // The field's kind is that of its first present value; every other value must match it.
  let kind: 'numeric' | 'categorical' | undefined;
  const categories = new Set<string>();
  for (let i = 0; i < n && kind === undefined; i++) {
    const v = valueAt(i, field);
    if (typeof v === 'string') kind = 'categorical';
    else if (typeof v === 'number' || typeof v === 'boolean') kind = 'numeric';
  }
  const probe: CovariateEncoding = { field, kind: kind ?? 'numeric', columns: [] };
  const issues: InputIssue[] = [];
  for (let i = 0; i < n; i++) {
    const v = valueAt(i, field);
    if (probe.kind === 'categorical' && typeof v === 'string') {
      categories.add(v);
      continue;
    }
    const issue = probe.kind === 'categorical' ? valueIssue({ ...probe, categories: [] }, v, i) : valueIssue(probe, v, i);
    if (issue !== null) {
      const id = idAt(i);
      issues.push(id === undefined ? issue : { ...issue, customerId: id });
    }
  }
  if (issues.length > 0) return issues;
  if (probe.kind === 'numeric') return { field, kind: 'numeric', columns: [field] };
  const sorted = [...categories].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { field, kind: 'categorical', categories: sorted, columns: sorted.slice(1).map((c) => `${field}=${c}`) };
}

function encodeColumns(enc: CovariateEncoding, used: ArrayLike<number>, valueAt: (i: number, field: string) => unknown): Float64Array[] {
  const m = used.length;
  if (enc.kind === 'numeric') {
    const col = new Float64Array(m);
    for (let k = 0; k < m; k++) col[k] = numeric(valueAt(used[k]!, enc.field));
    return [col];
  }
  const cats = enc.categories!;
  const cols = cats.slice(1).map(() => new Float64Array(m));
  for (let k = 0; k < m; k++) {
    const c = cats.indexOf(valueAt(used[k]!, enc.field) as string);
    if (c > 0) cols[c - 1]![k] = 1;
  }
  return cols;
}

/** Constant or collinear columns: Gram-Schmidt on the weighted, centred columns, in order. */
function checkRank(process: Process, encodings: readonly CovariateEncoding[], names: readonly string[], columns: readonly Float64Array[], weights: ArrayLike<number>, fn: string): void {
  const m = weights.length;
  let total = 0;
  for (let k = 0; k < m; k++) total += weights[k]!;
  const fieldOf = (j: number): string => {
    let seen = 0;
    for (const e of encodings) {
      seen += e.columns.length;
      if (j < seen) return e.field;
    }
    return names[j]!;
  };
  const fail = (j: number, message: string): never => {
    throw new InvalidInputError([{ code: 'not_identified', path: ['options', 'covariates', process, fieldOf(j)], message }], fn);
  };
  for (const e of encodings) {
    if (e.kind === 'categorical' && e.columns.length === 0) {
      throw new InvalidInputError(
        [{ code: 'not_identified', path: ['options', 'covariates', process, e.field], message: `covariate ${e.field} is constant (one category only) among the customers in the likelihood, so its effect cannot be told apart from the base rate` }],
        fn,
      );
    }
  }
  const basis: Float64Array[] = [];
  columns.forEach((col, j) => {
    let mean = 0;
    for (let k = 0; k < m; k++) mean += weights[k]! * col[k]!;
    mean /= total;
    const v = new Float64Array(m);
    let norm0 = 0;
    let scale = 0;
    for (let k = 0; k < m; k++) {
      v[k] = col[k]! - mean;
      norm0 += weights[k]! * v[k]! * v[k]!;
      scale += weights[k]! * col[k]! * col[k]!;
    }
    if (!(norm0 > 1e-24 * scale) || norm0 === 0) {
      fail(j, `covariate ${names[j]} is constant among the customers in the likelihood, so its effect cannot be told apart from the base rate`);
    }
    for (const q of basis) {
      let d = 0;
      for (let k = 0; k < m; k++) d += weights[k]! * v[k]! * q[k]!;
      for (let k = 0; k < m; k++) v[k] = v[k]! - d * q[k]!;
    }
    let norm = 0;
    for (let k = 0; k < m; k++) norm += weights[k]! * v[k]! * v[k]!;
    if (norm < COLLINEAR * norm0) {
      fail(j, `covariate ${names[j]} is a linear combination of the ${process} covariates before it (${names.slice(0, j).join(', ')}) and the intercept, so its effect cannot be told apart from theirs`);
    }
    const inv = 1 / Math.sqrt(norm);
    for (let k = 0; k < m; k++) v[k] = v[k]! * inv;
    basis.push(v);
  });
}

/** γ·z, in the order of the design columns. @internal */
export function dotOf(g: readonly number[], z: Float64Array): number {
  let d = 0;
  for (let j = 0; j < g.length; j++) d += g[j]! * z[j]!;
  return d;
}
