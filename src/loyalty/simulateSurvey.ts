import { InvalidInputError, invalidOption } from '../errors/InvalidInputError.js';
import { createRng, sampleNormal } from '../math/random.js';
import type { InputIssue, NonEmptyArray } from '../errors/issues.js';
import type { RowPolicyOptions } from '../transactions/options.js';
import type { CustomerId } from '../transactions/types.js';
import { signalIssues } from './signalIssues.js';
import type { AttitudeSignals, BehaviourSignals, ContextSignals } from './types.js';
import { rejectUnknownKeys, type KeyList } from '../errors/knownKeys.js';

/** Options of {@link simulateSurvey}; `revealValues` (default `false`) names customers by id in issues. */
export interface SimulateSurveyOptions extends Pick<RowPolicyOptions, 'revealValues'> {
  /** Seed of the random stream: the same seed and customers give the same answers. @defaultValue `1` */
  seed?: number;
  /** Share of the customers who answer the survey, in (0, 1]. @defaultValue `0.3` */
  responseRate?: number;
  /** Share of respondents who also answer the context questions, in [0, 1]. @defaultValue `0.5` */
  contextRate?: number;
  /** Chance that a respondent skips any one question, in [0, 1). @defaultValue `0.05` */
  skipRate?: number;
  /** Spread of an individual's attitude around what their behaviour suggests (standard deviation on the latent scale). @defaultValue `0.6` */
  noise?: number;
}

/** One simulated survey response: answers on a 1..5 scale (`scale` is set). */
export interface SurveyResponse {
  readonly customerId: CustomerId;
  readonly attitude: AttitudeSignals;
  /** Present for respondents who answered the context questions. */
  readonly context?: ContextSignals;
}

const SCALE = { min: 1, max: 5 } as const;

/**
 * Simulates survey answers (1..5 scale) for a seeded subset of customers, consistent with their behaviour.
 *
 * Each respondent gets a latent attitude `z = engagement + noise`, where engagement (about -1.5
 * to 1.5) rises with repeat purchases (log scale), regular gaps, recent activity against their
 * own rhythm and a rising spend trend, and falls with promotion share and discount depth. Each
 * answer is `round(3 + 1.2 (±z + item noise))`, clamped to 1..5, with the sign flipped for the
 * items where a high answer means less loyal; price sensitivity also rises with promotion share
 * and discount depth. So heavy, regular, full-price buyers mostly report high satisfaction and
 * intention, while some lapsed customers still answer warmly (latent loyalty) and some heavy
 * buyers coldly (inertia). Context answers: no real alternative for about 6% of respondents;
 * switching cost and convenience on 1..5, convenience a little higher for frequent buyers.
 *
 * Respondents are drawn in the order given, so pass customers in a fixed order (as
 * {@link deriveBehaviourSignals} returns them). Not a model of any real survey: it exists to
 * make the examples and docs show attitudinal classification.
 *
 * Cost: O(customers).
 *
 * @param customers - Customers with their behaviour, e.g. `deriveBehaviourSignals(...).customers`.
 * @param options - See {@link SimulateSurveyOptions}.
 * @returns One response per respondent, in input order.
 * @throws {@link InvalidInputError} for out-of-range options, or a customer without an id or with
 *   invalid behaviour signals (named by the customer's index and the field; by its id too under
 *   `revealValues: true`).
 * @example
 * ```ts
 * import { simulateSurvey } from 'loyalty-score';
 * const customers = [1, 2, 3, 4, 5, 6, 7, 8].map((id) => ({ customerId: id, behaviour: { purchases: id, recencyRatio: 1, gapCv: 0.5, spendTrend: 0 } }));
 * const survey = simulateSurvey(customers, { seed: 3, responseRate: 1 });
 * survey.length; // => 8
 * survey[0].attitude.scale; // => { min: 1, max: 5 }
 * simulateSurvey(customers, { seed: 3, responseRate: 1 })[7].attitude.satisfaction === survey[7].attitude.satisfaction; // => true
 * ```
 */
export function simulateSurvey(
  customers: readonly { readonly customerId: CustomerId; readonly behaviour: BehaviourSignals }[],
  options: SimulateSurveyOptions = {},
): SurveyResponse[] {
  rejectUnknownKeys(options, SIMULATE_SURVEY_OPTION_KEYS, 'options', 'simulateSurvey');
  const seed = options.seed ?? 1;
  const responseRate = options.responseRate ?? 0.3;
  const contextRate = options.contextRate ?? 0.5;
  const skipRate = options.skipRate ?? 0.05;
  const noise = options.noise ?? 0.6;
  if (typeof seed !== 'number' || !Number.isFinite(seed)) invalidOption('seed', 'expected a finite number');
  if (typeof responseRate !== 'number' || !(responseRate > 0 && responseRate <= 1)) invalidOption('responseRate', 'expected a number in (0, 1]');
  if (typeof contextRate !== 'number' || !(contextRate >= 0 && contextRate <= 1)) invalidOption('contextRate', 'expected a number in [0, 1]');
  if (typeof skipRate !== 'number' || !(skipRate >= 0 && skipRate < 1)) invalidOption('skipRate', 'expected a number in [0, 1)');
  if (typeof noise !== 'number' || !(noise >= 0 && Number.isFinite(noise))) invalidOption('noise', 'expected a finite number >= 0');
  checkCustomers(customers, options.revealValues === true);

  const rng = createRng(seed);
  const out: SurveyResponse[] = [];
  for (const c of customers) {
    if (rng() >= responseRate) continue;
    const b = c.behaviour;
    const e = engagement(b);
    const z = e + noise * sampleNormal(rng);
    const deal = (b.promoShare ?? 0) + 2 * (b.discountDepth ?? 0);
    const answer = (v: number): number | undefined => (rng() < skipRate ? undefined : likert(v + 0.5 * sampleNormal(rng)));
    const attitude: Record<string, unknown> = { scale: SCALE };
    const items: [string, number | undefined][] = [
      ['satisfaction', answer(z)],
      ['repurchaseIntention', answer(z + 0.2 * e)],
      ['recommendLikelihood', answer(z - 0.2)],
      ['competitorAppeal', answer(-z)],
      ['qualityTolerance', answer(0.7 * z)],
      ['priceSensitivity', answer(-0.4 * z + 2 * deal - 0.4)],
      ['decisionTime', answer(-0.6 * z)],
    ];
    for (const [k, v] of items) if (v !== undefined) attitude[k] = v;
    let context: ContextSignals | undefined;
    if (rng() < contextRate) {
      const ctx: Record<string, unknown> = { scale: SCALE, hasAlternatives: rng() >= 0.06 };
      const sw = answer(0.8 * sampleNormal(rng));
      const cv = answer(0.3 * Math.log1p(b.purchases) - 0.2 + 0.8 * sampleNormal(rng));
      if (sw !== undefined) ctx['switchingCost'] = sw;
      if (cv !== undefined) ctx['convenience'] = cv;
      context = ctx as ContextSignals;
    }
    const r = { customerId: c.customerId, attitude: attitude as AttitudeSignals };
    out.push(context ? { ...r, context } : r);
  }
  return out;
}

/**
 * Every customer needs an id and valid behaviour signals: bad input would turn into NaN answers.
 * Issues name the customer's index (path `[index, 'behaviour.field']`), and its id only when
 * `reveal` is true.
 */
function checkCustomers(customers: unknown, reveal: boolean): void {
  if (!Array.isArray(customers)) {
    throw new InvalidInputError([{ code: 'invalid_type', path: ['customers'], message: 'expected an array of { customerId, behaviour }' }]);
  }
  for (let i = 0; i < customers.length; i++) {
    const c: unknown = customers[i];
    const id = c !== null && typeof c === 'object' ? (c as { customerId?: unknown }).customerId : undefined;
    if (!((typeof id === 'string' && id.length > 0) || (typeof id === 'number' && Number.isFinite(id)))) {
      throw new InvalidInputError([{ code: 'invalid_customer_id', path: [i, 'customerId'], message: 'expected a customer with a non-empty string or finite number id' }]);
    }
    const checked = signalIssues({ customerId: id, behaviour: (c as { behaviour?: unknown }).behaviour }, reveal);
    if (checked.issues) {
      const at = checked.issues.map((x): InputIssue => ({ ...x, path: [i, ...x.path.slice(1)] }));
      throw new InvalidInputError(at as unknown as NonEmptyArray<InputIssue>, 'simulateSurvey');
    }
  }
}

/** How engaged the behaviour looks, roughly in [-1.5, 1.5]. */
function engagement(b: BehaviourSignals): number {
  let e = 0.6 * Math.log1p(Math.max(0, b.purchases - 1)) - 0.7;
  if (typeof b.gapCv === 'number') e += b.gapCv <= 0.75 ? 0.3 : -0.1;
  if (typeof b.recencyRatio === 'number') e += b.recencyRatio <= 3 ? 0.2 : -0.4;
  if (typeof b.spendTrend === 'number') e += 0.3 * b.spendTrend;
  e -= 0.5 * (b.promoShare ?? 0) + (b.discountDepth ?? 0);
  return Math.max(-1.5, Math.min(1.5, e));
}

/** A latent value on about [-1.7, 1.7] to a 1..5 answer. */
function likert(v: number): number {
  return Math.min(5, Math.max(1, Math.round(3 + 1.2 * v)));
}

/** The option names of {@link SimulateSurveyOptions}. @internal */
export const SIMULATE_SURVEY_OPTION_KEYS: KeyList<SimulateSurveyOptions> = {
  seed: true,
  responseRate: true,
  contextRate: true,
  skipRate: true,
  noise: true,
  revealValues: true,
};
