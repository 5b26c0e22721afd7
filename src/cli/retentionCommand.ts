import { InvalidInputError } from '../errors/InvalidInputError.js';
import type { InputIssue, NonEmptyArray } from '../errors/issues.js';
import { fitBetaDiscreteWeibull } from '../models/contractual/fitBetaDiscreteWeibull.js';
import { fitShiftedBetaGeometric } from '../models/contractual/fitShiftedBetaGeometric.js';
import { subscriptionCohorts } from '../models/contractual/subscriptionCohorts.js';
import type { ContractualFit } from '../models/contractual/types.js';
import { isoDateFlag, numberFlag, oneOf, parseFlags, positiveInt, str, UsageError } from './args.js';
import { fileLabel } from './readTransactionFile.js';
import { readSubscriptionFile, type SubscriptionFile } from './readSubscriptionFile.js';
import { warningLines } from './warningLines.js';

export const RETENTION_HELP = `loyalty-score retention <file> [options]

Fits a contractual retention model to individual subscriptions (one line each: a customer id, a
start date and an end date, empty while still subscribed; yyyy-MM-dd) and prints the fitted
parameters with their standard errors, the projected survivor curve and retention rate of a new
subscriber, the discounted expected residual lifetime (DERL) by renewals made, and the CLV.
Subscriptions are grouped into cohorts by the month (or year) they start in, and every cohort
is fitted jointly, each censored at its own age. Fit warnings go to stderr as 'warning:' lines.

Columns (a header name or a 1-based position):
  --customer C     customer id column (default: customer_id/customer/id…, else 1)
  --start C        start date column  (default: start/start_date…, else 2)
  --end C          end date column    (default: end/end_date/cancelled…, else 3)
  --ids M          auto (all-digit ids become numbers) | string          (default auto)
  --reveal-values  name the customer in error messages (default: kept out, personal data)
Cohorts and model:
  --period P       month | year: one contract period                      (default month)
  --as-of DATE     the date the data describe, yyyy-MM-dd (default: latest date in the file)
  --model M        sbg | bdw: shifted-beta-geometric or beta-discrete-Weibull (default sbg)
Projection and value:
  --horizon N      periods projected past the oldest cohort's age         (default 12)
  --discount-rate X   yearly discount rate, compounded per period         (default 0.1)
  --margin M       margin of one period's payment, currency units         (default 1)
  --renewals N     DERL and CLV for customers with 0..N renewals          (default 12)
Output:
  --format F       text | json                                            (default text)
`;

const TITLES = { sbg: 'Shifted-beta-geometric', bdw: 'Beta-discrete-Weibull' } as const;

/** `loyalty-score retention <file>`. */
export async function retentionCommand(argv: string[]): Promise<void> {
  const { flags, positionals } = parseFlags(
    argv,
    ['customer', 'start', 'end', 'ids', 'period', 'as-of', 'model', 'horizon', 'discount-rate', 'margin', 'renewals', 'format'],
    ['reveal-values'],
  );
  if (positionals.length !== 1) throw new UsageError('retention takes exactly one file (or - for stdin)');
  const period = oneOf(flags, 'period', ['month', 'year'], 'month');
  const model = oneOf(flags, 'model', ['sbg', 'bdw'], 'sbg');
  const format = oneOf(flags, 'format', ['text', 'json'], 'text');
  const ids = oneOf(flags, 'ids', ['auto', 'string'], 'auto');
  const horizon = positiveInt(flags, 'horizon') ?? 12;
  const maxRenewals = positiveInt(flags, 'renewals') ?? 12;
  const yearly = numberFlag(flags, 'discount-rate', (x) => x >= 0, 'a number >= 0') ?? 0.1;
  const margin = numberFlag(flags, 'margin', () => true, 'a finite number') ?? 1;
  const asOfFlag = isoDateFlag(flags, 'as-of');
  const revealValues = flags['reveal-values'] === true;
  const path = positionals[0]!;
  const file = await readSubscriptionFile(path, { customer: str(flags, 'customer'), start: str(flags, 'start'), end: str(flags, 'end') }, ids, revealValues);
  if (file.rows.length === 0) throw new InvalidInputError([{ code: 'no_customers', path: ['rows'], message: 'the file has no subscription' }], fileLabel(path));
  const asOf = asOfFlag ?? file.latestDate;
  const data = withLines(path, file, () => subscriptionCohorts(file.rows, { period, asOf, revealValues }));
  const fit: ContractualFit<Record<string, number>> = (model === 'sbg' ? fitShiftedBetaGeometric(data) : fitBetaDiscreteWeibull(data)) as unknown as ContractualFit<Record<string, number>>;
  process.stderr.write(warningLines(fit.warnings.map((w) => ({ ...w, model }))));
  const discountRate = period === 'year' ? yearly : Math.pow(1 + yearly, 1 / 12) - 1;
  const maxAge = Math.max(...data.cohorts.map((c) => c.survivors.length - 1));
  const curve = [];
  for (let t = 0; t <= maxAge + horizon; t++) {
    let atRisk = 0;
    let alive = 0;
    for (const c of data.cohorts) {
      if (c.survivors.length > t) {
        atRisk += c.survivors[0]!;
        alive += c.survivors[t]!;
      }
    }
    curve.push({ period: t, survival: fit.survival(t), retentionRate: t === 0 ? null : fit.retentionRate(t), observed: atRisk > 0 ? alive / atRisk : null });
  }
  const byRenewals = [];
  for (let n = 0; n <= maxRenewals; n++) {
    byRenewals.push({ renewals: n, derl: fit.discountedExpectedResidualLifetime(n, discountRate), clv: fit.subscriptionClv({ margin, discountRate, renewals: n }) });
  }
  const newCustomer = fit.subscriptionClv({ margin, discountRate });
  const lifetime = fit.expectedLifetime;
  const label = fileLabel(path);
  if (format === 'json') {
    const body = {
      file: label,
      asOf: data.asOf,
      period,
      subscriptions: data.subscriptions,
      cohorts: data.cohorts,
      model,
      params: fit.params,
      standardErrors: fit.standardErrors,
      logLikelihood: fit.logLikelihood,
      iterations: fit.iterations,
      converged: fit.converged,
      gradientNorm: fit.gradientNorm,
      customers: fit.customers,
      expectedLifetime: Number.isFinite(lifetime) ? lifetime : null,
      curve,
      projections: fit.projections(horizon).map((p) => ({ name: p.name, observedPeriods: p.observedPeriods, conditional: Array.from(p.conditional) })),
      value: { discountRatePerPeriod: discountRate, margin, newCustomer, byRenewals },
    };
    process.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
    return;
  }
  const names = Object.keys(fit.params);
  const lines = [
    `${label}: ${data.subscriptions} subscriptions in ${data.cohorts.length} ${period === 'month' ? 'monthly' : 'yearly'} cohort${data.cohorts.length === 1 ? '' : 's'} as of ${data.asOf}`,
    '',
    `${TITLES[model]} (${model}), ${fit.customers} customers`,
    `  ${'parameter'.padEnd(9)}  ${'estimate'.padStart(12)}  ${'std. error'.padStart(12)}`,
    ...names.map((n) => `  ${n.padEnd(9)}  ${num(fit.params[n]!).padStart(12)}  ${(fit.standardErrors ? num(fit.standardErrors[n]!) : 'n/a').padStart(12)}`),
    `  log-likelihood ${fit.logLikelihood.toFixed(4)}; iterations ${fit.iterations}; converged ${fit.converged ? 'yes' : 'no'}; gradient norm ${fit.gradientNorm.toExponential(2)}`,
    `  expected lifetime of a new subscriber: ${Number.isFinite(lifetime) ? `${num(lifetime)} ${period}s` : `unbounded (the survivor curve falls too slowly for a finite mean)`}`,
    '',
    `Survivor curve of a new subscriber (observed: pooled share of the cohorts old enough)`,
    `  ${period.padEnd(6)}  ${'survival'.padStart(10)}  ${'retention'.padStart(10)}  ${'observed'.padStart(10)}`,
    ...curve.map((c) => `  ${String(c.period).padEnd(6)}  ${c.survival.toFixed(4).padStart(10)}  ${(c.retentionRate === null ? '' : c.retentionRate.toFixed(4)).padStart(10)}  ${(c.observed === null ? '' : c.observed.toFixed(4)).padStart(10)}`),
    '',
    `Value at a discount rate of ${num(discountRate)} per ${period} (${num(yearly)} a year), margin ${num(margin)} per ${period}`,
    `  CLV of a new subscriber (first payment now): ${num(newCustomer)}`,
    `  ${'renewals'.padEnd(8)}  ${'DERL'.padStart(10)}  ${'CLV'.padStart(12)}`,
    ...byRenewals.map((r) => `  ${String(r.renewals).padEnd(8)}  ${num(r.derl).padStart(10)}  ${num(r.clv).padStart(12)}`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** Runs `f`, turning the row indices of its InvalidInputError into the file's lines and columns. */
function withLines<T>(path: string, file: SubscriptionFile, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (!(e instanceof InvalidInputError)) throw e;
    const columns: Record<string, number> = { customerId: file.columns.customerId, start: file.columns.start, end: file.columns.end };
    const issues = e.issues.map((issue): InputIssue => {
      const [i, field] = issue.path;
      if (typeof i !== 'number' || file.lines[i] === undefined) return issue;
      const column = typeof field === 'string' ? columns[field] : undefined;
      const message = issue.message.replace(/in row (\d+)/, (_m, k: string) => `on line ${file.lines[Number(k)] ?? k}`);
      return { ...issue, message, line: file.lines[i]!, ...(column === undefined ? {} : { column }) };
    });
    throw new InvalidInputError(issues as unknown as NonEmptyArray<InputIssue>, fileLabel(path));
  }
}

function num(x: number): string {
  return Number(x.toPrecision(6)).toString();
}
