import { invalidOption } from '../errors/InvalidInputError.js';
import type { BtydCustomer, PurchaseModel } from '../models/types.js';
import { BTYD_MATRIX_OPTION_KEYS, evaluateGrid, type BtydMatrix, type BtydMatrixOptions } from './btydGrid.js';
import { rejectUnknownKeys, type KeyList } from '../errors/knownKeys.js';

/** Options of {@link frequencyRecencyMatrix}. */
export interface FrequencyRecencyMatrixOptions extends BtydMatrixOptions {
  /**
   * Forecast horizon of the expected purchases, in model time units (> 0).
   * @defaultValue `1` (one time unit, as lifetimes' plot)
   */
  readonly horizon?: number;
}

/** Result of {@link frequencyRecencyMatrix}: expected purchases per history, with the horizon. */
export interface FrequencyRecencyMatrix extends BtydMatrix {
  /** The horizon of `values`, model time units. */
  readonly horizon: number;
}

/**
 * The frequency/recency matrix: expected purchases over the next `horizon` for each history
 * (frequency x, recency t_x, age T), the picture of Fader, Hardie & Lee (2005) and lifetimes'
 * `plot_frequency_recency_matrix`.
 *
 * Each cell is the model's conditional expectation `E[X(horizon) | x, t_x, T]`, read from the
 * model itself (`expectedPurchases`). Customers without repeats (x = 0) have recency 0 by
 * definition, so that row is constant. Cost: rows x columns model evaluations (400 by default),
 * whatever the number of customers.
 *
 * @param model - A purchase model (a fit of `fitPurchaseModel`, or `bgNbd(params)`).
 * @param options - See {@link FrequencyRecencyMatrixOptions}.
 * @returns Rows (frequencies), columns (recencies), T, the horizon and the values.
 * @throws {InvalidInputError} When an option is missing or out of range.
 * @example
 * ```ts
 * import { bgNbd, frequencyRecencyMatrix } from 'loyalty-score';
 * const model = bgNbd({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
 * const m = frequencyRecencyMatrix(model, { maxFrequency: 10, T: 39, horizon: 39 });
 * m.frequency.length; // => 11
 * m.values[2][19] === model.expectedPurchases(39, { frequency: 2, recency: 39, T: 39 }); // => true
 * ```
 */
export function frequencyRecencyMatrix(model: Pick<PurchaseModel<unknown, BtydCustomer>, 'expectedPurchases'>, options: FrequencyRecencyMatrixOptions): FrequencyRecencyMatrix {
  rejectUnknownKeys(options, FREQUENCY_RECENCY_MATRIX_OPTION_KEYS, 'options', 'frequencyRecencyMatrix');
  const horizon = options?.horizon ?? 1;
  if (!(Number.isFinite(horizon) && horizon > 0)) invalidOption('horizon', 'expected a finite number > 0 (model time units)');
  return { ...evaluateGrid(options, (c) => model.expectedPurchases(horizon, c)), horizon };
}

const FREQUENCY_RECENCY_MATRIX_OPTION_KEYS: KeyList<FrequencyRecencyMatrixOptions> = { ...BTYD_MATRIX_OPTION_KEYS, horizon: true };
