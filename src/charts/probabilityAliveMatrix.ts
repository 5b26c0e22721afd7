import type { BtydCustomer, PurchaseModel } from '../models/types.js';
import { BTYD_MATRIX_OPTION_KEYS, evaluateGrid, type BtydMatrix, type BtydMatrixOptions } from './btydGrid.js';
import { rejectUnknownKeys } from '../errors/knownKeys.js';

/**
 * The P(alive) matrix: the probability that a customer with frequency x, recency t_x and age T
 * is still active, over a grid of histories (lifetimes' `plot_probability_alive_matrix`).
 *
 * Each cell is the model's `probabilityAlive({ frequency, recency, T })`, in [0, 1]. Customers
 * without repeats have recency 0, so that row is constant. Cost: rows x columns model evaluations.
 *
 * @param model - A purchase model.
 * @param options - The grid: `maxFrequency`, `T`, and the steps (see {@link BtydMatrixOptions}).
 * @returns Rows (frequencies), columns (recencies), T and the probabilities.
 * @throws {InvalidInputError} When an option is missing or out of range.
 * @example
 * ```ts
 * import { bgNbd, probabilityAliveMatrix } from 'loyalty-score';
 * const model = bgNbd({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
 * const m = probabilityAliveMatrix(model, { maxFrequency: 5, T: 39, recencySteps: 4 });
 * m.recency; // => [0, 13, 26, 39]
 * m.values[0].every((p) => p === 1); // => true
 * m.values[5][0] < m.values[5][3]; // => true
 * ```
 */
export function probabilityAliveMatrix(model: Pick<PurchaseModel<unknown, BtydCustomer>, 'probabilityAlive'>, options: BtydMatrixOptions): BtydMatrix {
  rejectUnknownKeys(options, BTYD_MATRIX_OPTION_KEYS, 'options', 'probabilityAliveMatrix');
  return evaluateGrid(options, (c) => model.probabilityAlive(c));
}
