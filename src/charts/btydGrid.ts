import { invalidOption } from '../errors/InvalidInputError.js';
import type { BtydCustomer } from '../models/types.js';
import { rejectUnknownKeys, type KeyList } from '../errors/knownKeys.js';

/** Options of {@link frequencyRecencyMatrix} and {@link probabilityAliveMatrix}: the grid of customer histories. */
export interface BtydMatrixOptions {
  /** Largest frequency (repeat purchases) on the grid, a whole number >= 1; rows run from 0 to it. Required. */
  readonly maxFrequency: number;
  /** Age T of every customer on the grid, in model time units (> 0); recency runs from 0 to T. Required. */
  readonly T: number;
  /**
   * Number of frequency rows, at least 2; when `maxFrequency + 1` is larger, whole frequencies evenly spread from 0 to `maxFrequency`.
   * @defaultValue `min(maxFrequency + 1, 20)`
   */
  readonly frequencySteps?: number;
  /**
   * Number of recency columns, evenly spaced from 0 to T, at least 2.
   * @defaultValue `20`
   */
  readonly recencySteps?: number;
}

/** A grid of values over customer histories: one row per frequency, one column per recency. */
export interface BtydMatrix {
  /** The frequency of each row (repeat purchases), ascending. */
  readonly frequency: readonly number[];
  /** The recency of each column (time of the last purchase since the first), model time units, ascending from 0 to T. */
  readonly recency: readonly number[];
  /** Age of every customer on the grid, model time units. */
  readonly T: number;
  /** `values[row][column]`: the measure for the customer with `frequency[row]` and `recency[column]`. */
  readonly values: readonly (readonly number[])[];
}

/** The rows and columns of a history grid, validated. @internal */
export function btydGrid(options: BtydMatrixOptions): { frequency: number[]; recency: number[] } {
  const { maxFrequency, T } = options ?? ({} as BtydMatrixOptions);
  if (!(Number.isInteger(maxFrequency) && maxFrequency >= 1)) invalidOption('maxFrequency', 'expected a whole number >= 1');
  if (!(Number.isFinite(T) && T > 0)) invalidOption('T', 'expected a finite number > 0 (model time units)');
  const rows = options.frequencySteps ?? Math.min(maxFrequency + 1, 20);
  const columns = options.recencySteps ?? 20;
  if (!(Number.isInteger(rows) && rows >= 2)) invalidOption('frequencySteps', 'expected a whole number >= 2');
  if (!(Number.isInteger(columns) && columns >= 2)) invalidOption('recencySteps', 'expected a whole number >= 2');
  const frequency: number[] = [];
  const n = Math.min(rows, maxFrequency + 1);
  for (let i = 0; i < n; i++) {
    const x = Math.round((i * maxFrequency) / (n - 1));
    if (frequency[frequency.length - 1] !== x) frequency.push(x);
  }
  const recency: number[] = [];
  for (let j = 0; j < columns; j++) recency.push(j === columns - 1 ? T : (j * T) / (columns - 1));
  return { frequency, recency };
}

/** Evaluates `measure` on every grid cell; a customer without repeats has recency 0 whatever the column. @internal */
export function evaluateGrid(options: BtydMatrixOptions, measure: (customer: BtydCustomer) => number): BtydMatrix {
  const { frequency, recency } = btydGrid(options);
  const T = options.T;
  const values = frequency.map((x) => recency.map((t) => measure({ frequency: x, recency: x === 0 ? 0 : t, T })));
  return { frequency, recency, T, values };
}

/** The valid keys of {@link BtydMatrixOptions}. @internal */
export const BTYD_MATRIX_OPTION_KEYS: KeyList<BtydMatrixOptions> = { maxFrequency: true, T: true, frequencySteps: true, recencySteps: true };
