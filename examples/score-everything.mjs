// @ts-check
// Everything in one call: scoreCustomers reads the transactions (streamed in batches here) and
// the survey answers, and returns every customer's summary, RFM cell and segment, ABCD tier,
// loyalty-pyramid level and loyalty type, probability alive, expected purchases and lifetime
// value, with the fitted models and their warnings.
//
//   node examples/score-everything.mjs [transactions.csv] [survey.csv]
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { scoreCustomers, TransactionTextReader } from 'loyalty-score';

const here = (/** @type {string} */ name) => fileURLToPath(new URL(name, import.meta.url));
const file = process.argv[2] ?? here('./data/transactions.csv');
const surveyFile = process.argv[3] ?? here('./data/survey.csv');

const reader = new TransactionTextReader();
for await (const chunk of createReadStream(file, { encoding: 'utf8' })) reader.push(chunk);
const { table } = reader.finish();

// Survey answers by customer id (1 to 5; an empty cell is unanswered).
const [header, ...lines] = (await readFile(surveyFile, 'utf8')).trim().split(/\r?\n/);
const names = /** @type {string} */ (header).split(',');
const attitudeItems = { satisfaction: 'satisfaction', repurchase_intention: 'repurchaseIntention', recommend_likelihood: 'recommendLikelihood' };
/** @type {Map<string, import('loyalty-score').SurveyAnswers>} */
const survey = new Map();
for (const line of lines) {
  const cells = line.split(',');
  /** @type {Record<string, number>} */
  const attitude = {};
  names.forEach((name, i) => {
    const key = attitudeItems[/** @type {keyof typeof attitudeItems} */ (name)];
    if (key && cells[i]) attitude[key] = Number(cells[i]);
  });
  survey.set(/** @type {string} */ (cells[0]), { attitude: { scale: { min: 1, max: 5 }, ...attitude } });
}

const scores = scoreCustomers(table, { asOf: '2025-12-31', model: 'best', survey });
const { model, spendModel, selection } = scores;
console.log(`${scores.length} customers scored as of ${scores.asOf} with ${model.model} (best of ${selection?.scores.length} on the holdout to ${selection?.observationEnd})`);
const round = (/** @type {number} */ x) => Number(x.toPrecision(4));
console.log(`purchase model: ${Object.entries(model.params).map(([k, v]) => `${k} = ${round(v)}`).join(', ')}`);
console.log(`spend model: p = ${round(spendModel.params.p)}, q = ${round(spendModel.params.q)}, gamma = ${round(spendModel.params.gamma)}`);
for (const w of scores.warnings) console.log(`warning (${w.source}): ${w.message}`);

// The customer objects: one per customer, in id order.
let clv = 0;
let alive = 0;
for (const c of scores.customers) {
  clv += c.clv;
  alive += c.pAlive;
}
console.log(`expected active customers: ${alive.toFixed(0)}; lifetime value over the next year: ${clv.toFixed(2)}`);

console.log('\nthe five most valuable customers:');
console.table(
  [...scores.customers]
    .sort((a, b) => b.clv - a.clv)
    .slice(0, 5)
    .map((c) => ({ customer: c.customerId, tier: c.tier, segment: c.rfmSegment, pyramid: c.pyramidLabel, type: c.loyaltyType, 'P(alive)': round(c.pAlive), clv: round(c.clv) })),
);
