// @ts-check
// Loyalty: behaviour signals from the transactions, joined with survey answers where a
// customer answered, then the loyalty pyramid level and the loyalty type of every customer,
// each with the rule that matched and its reasons.
//
//   node examples/loyalty.mjs [transactions.csv] [survey.csv]
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  classifyLoyaltyType,
  classifyPyramid,
  deriveBehaviourSignals,
  TransactionTextReader,
  validateLoyaltySignals,
} from 'loyalty-score';

const here = (/** @type {string} */ name) => fileURLToPath(new URL(name, import.meta.url));
const transactionsFile = process.argv[2] ?? here('./data/transactions.csv');
const surveyFile = process.argv[3] ?? here('./data/survey.csv');

const reader = new TransactionTextReader();
reader.push(readFileSync(transactionsFile, 'utf8'));
const { table } = reader.finish();
// Behaviour: purchases, tenure, gaps and their regularity, spend trend, promotion share.
const { customers, asOf } = deriveBehaviourSignals(table, { asOf: '2025-12-31' });

// The survey: answers on a 1..5 scale, an empty cell is a question not answered.
/** @type {Map<string, Record<string, string>>} */
const survey = new Map();
const [header = '', ...lines] = readFileSync(surveyFile, 'utf8').trim().split(/\r?\n/);
const columns = header.split(',');
for (const line of lines) {
  const cells = line.split(',');
  survey.set(cells[0] ?? '', Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? ''])));
}
// Only the answered questions go in: an absent answer is unknown, and lowers the confidence.
/** @param {Record<string, string>} row @param {Record<string, string>} names column -> signal */
const answers = (row, names) =>
  Object.fromEntries(Object.entries(names).filter(([col]) => row[col]).map(([col, key]) => [key, row[col] === 'true' || row[col] === 'false' ? row[col] === 'true' : Number(row[col])]));
const scale = { min: 1, max: 5 };

let answered = 0;
const results = customers.map((customer) => {
  const row = survey.get(String(customer.customerId));
  if (row) answered++;
  // validateLoyaltySignals checks the assembled record (scales, ranges, types) and types it.
  const signals = validateLoyaltySignals({
    ...customer,
    ...(row && {
      attitude: {
        scale,
        ...answers(row, {
          satisfaction: 'satisfaction',
          repurchase_intention: 'repurchaseIntention',
          recommend_likelihood: 'recommendLikelihood',
          competitor_appeal: 'competitorAppeal',
          quality_tolerance: 'qualityTolerance',
          price_sensitivity: 'priceSensitivity',
          decision_time: 'decisionTime',
        }),
      },
      context: { scale, ...answers(row, { has_alternatives: 'hasAlternatives', switching_cost: 'switchingCost', convenience: 'convenience' }) },
    }),
  });
  return { signals, pyramid: classifyPyramid(signals), type: classifyLoyaltyType(signals) };
});

console.log(`loyalty of ${results.length} customers as of ${asOf} (${answered} answered the survey)`);

/** @param {string[]} values */
const countBy = (values) => [...values.reduce((m, v) => m.set(v, (m.get(v) ?? 0) + 1), new Map()).entries()].sort();
console.log('\npyramid levels:');
for (const [level, n] of countBy(results.map((r) => `${r.pyramid.level} ${r.pyramid.label}`))) console.log(`  ${level.padEnd(26)} ${String(n).padStart(5)}`);
console.log('\nloyalty types:');
for (const [type, n] of countBy(results.map((r) => `${r.type.type} (${r.type.quadrant})`))) console.log(`  ${type.padEnd(26)} ${String(n).padStart(5)}`);
const falseLoyal = results.filter((r) => r.type.isFalseLoyalty).length;
console.log(`false loyalty (repeat buying without attachment): ${falseLoyal} customers`);

// One committed customer, with the reasons behind both answers.
const example = results.find((r) => r.pyramid.label === 'committed') ?? results[0];
if (example) {
  console.log(`\ncustomer ${example.signals.customerId}: level ${example.pyramid.level} ${example.pyramid.label} (rule ${example.pyramid.rule}, confidence ${example.pyramid.confidence})`);
  for (const reason of example.pyramid.reasons) console.log(`  - ${reason.message}`);
  console.log(`  type ${example.type.type} (rule ${example.type.rule}): ${example.type.strategy.en}`);
}
