import { invalidOption } from '../errors/InvalidInputError.js';
import { dialectOf, type SqlDialect } from './dialects.js';
import { doubleLiteral } from './sqlLiterals.js';
import { rejectUnknownKeys, type KeyList } from '../errors/knownKeys.js';

/** A fitted (or given) BG/NBD or MBG/NBD model: what the closed form of P(alive) needs. */
export interface ClosedFormAliveModel {
  readonly model: 'bgnbd' | 'mbgnbd' | 'paretonbd' | 'bgbb';
  readonly params: object;
}

/** The SQL expressions of a customer's history that {@link probabilityAliveSql} reads. */
export interface HistoryExpressions {
  /** Repeat purchases x. */
  readonly frequency: string;
  /** Recency t_x. */
  readonly recency: string;
  /** Age T. */
  readonly T: string;
}

/**
 * P(alive) of BG/NBD or MBG/NBD in closed form, as one SQL expression over a customer's
 * (x, t_x, T) columns, with the arithmetic of the JS models in the same order: BG/NBD (FHL 2005
 * eq. 13) `1 / (1 + [x > 0] a/(b+x-1) ((α+T)/(α+t_x))^(r+x))`, MBG/NBD `1 / (1 + a/(b+x)
 * ((α+T)/(α+t_x))^(r+x))` (`b/(a+b)` at T = 0), both evaluated in log space; a log-odds beyond
 * ±700 gives 0 or 1 (the exact value is within 1e-300), so no engine overflows. The parameters are
 * rendered as exact float literals. Pareto/NBD and BG/BB have no short closed form here: use
 * {@link scoreSql}'s rows.
 *
 * @param model - A BG/NBD or MBG/NBD model or fit (its `model` and `params`).
 * @param dialect - The SQL dialect.
 * @param columns - SQL expressions of x, t_x and T. @defaultValue the quoted summary columns `btyd_frequency`, `btyd_recency`, `btyd_T`
 * @throws {@link InvalidInputError} for another model or a parameter that is not a positive finite number.
 * @example
 * ```ts
 * import { bgNbd, probabilityAliveSql } from 'loyalty-score';
 * const model = bgNbd({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
 * const sql = probabilityAliveSql(model, 'duckdb');
 * sql.startsWith('CASE WHEN "btyd_frequency" = 0 THEN'); // => true
 * ```
 */
export function probabilityAliveSql(model: ClosedFormAliveModel, dialect: SqlDialect, columns?: HistoryExpressions): string {
  rejectUnknownKeys(columns, HISTORY_EXPRESSION_KEYS, 'columns', 'probabilityAliveSql');
  const d = dialectOf(dialect);
  if (model === null || typeof model !== 'object' || (model.model !== 'bgnbd' && model.model !== 'mbgnbd')) {
    invalidOption('model', "a closed form exists for 'bgnbd' and 'mbgnbd' (expected one of them)");
  }
  const params = model.params as Record<string, unknown>;
  const lit = (name: 'r' | 'alpha' | 'a' | 'b'): string => {
    const v = params[name];
    if (typeof v !== 'number' || !(v > 0) || !Number.isFinite(v)) invalidOption(`params.${name}`, 'expected a positive finite number', 'invalid_parameter');
    return `CAST(${doubleLiteral(v, `params.${name}`)} AS ${d.double})`;
  };
  const { frequency: x, recency: tx, T } = columns ?? { frequency: d.quote('btyd_frequency'), recency: d.quote('btyd_recency'), T: d.quote('btyd_T') };
  const [r, alpha, a, b] = [lit('r'), lit('alpha'), lit('a'), lit('b')];
  const ratio = model.model === 'bgnbd' ? `${a} / (${b} + ${x} - 1)` : `${a} / (${b} + ${x})`;
  const logD = `(LN(${ratio}) + (${r} + ${x}) * (LN(${alpha} + ${T}) - LN(${alpha} + ${tx})))`;
  const alive = `CASE WHEN ${logD} > 700 THEN CAST(0 AS ${d.double}) WHEN ${logD} < -700 THEN CAST(1 AS ${d.double}) ELSE 1 / (1 + EXP(${logD})) END`;
  return model.model === 'bgnbd'
    ? `CASE WHEN ${x} = 0 THEN CAST(1 AS ${d.double}) ELSE ${alive} END`
    : `CASE WHEN ${T} = 0 THEN ${b} / (${a} + ${b}) ELSE ${alive} END`;
}

const HISTORY_EXPRESSION_KEYS: KeyList<HistoryExpressions> = { frequency: true, recency: true, T: true };
