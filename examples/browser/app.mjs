// @ts-check
// The browser example's script: reads the transactions (pasted text, a picked file, or the
// example data fetched from the server) with the reading choices of the page (a column for each
// field, the delimiter, the decimal separator, the date format and the encoding), scores them
// with scoreCustomers, then shows one row
// per customer with the summary, the RFM scores and segment, the ABCD tier, the probability
// that the customer is still active and the lifetime value over the next year. Loaded by
// index.html, which maps the name 'loyalty-score' to the browser build.
import {
  clvDistribution,
  clvDistributionSvg,
  frequencyRecencyMatrix,
  frequencyRecencyMatrixSvg,
  lorenzCurve,
  lorenzCurveSvg,
  loyaltyQuadrant,
  loyaltyQuadrantSvg,
  periodTransactions,
  periodTransactionsSvg,
  probabilityAliveMatrix,
  probabilityAliveMatrixSvg,
  rfmGrid,
  rfmGridSvg,
  scoreCustomers,
  tierPyramid,
  tierPyramidSvg,
  TransactionTextReader,
} from 'loyalty-score';

/** Rows shown at most (the scores are computed for everyone). */
const MAX_ROWS = 500;

const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
const csv = /** @type {HTMLTextAreaElement} */ ($('csv'));
const file = /** @type {HTMLInputElement} */ ($('file'));
const asOfInput = /** @type {HTMLInputElement} */ ($('asOf'));
const table = /** @type {HTMLTableElement} */ ($('customers'));

/** The fields a column can be chosen for, in the order of the mapping step. */
const FIELDS = ['customer', 'date', 'amount', 'price', 'quantity', 'refunded', 'cost', 'order'];

/**
 * The reading options chosen on the page: delimiter, decimal separator, date format, encoding
 * and, for each field, the column picked in the mapping step (empty: detected by name).
 * @returns {import('loyalty-score').TransactionTextOptions}
 */
function readingOptions() {
  const value = (/** @type {string} */ id) => /** @type {HTMLInputElement | HTMLSelectElement} */ ($(id)).value;
  /** @type {Record<string, string>} */
  const columns = {};
  for (const f of FIELDS) {
    const picked = value(`col-${f}`);
    if (picked !== '') columns[f] = picked;
  }
  return {
    delimiter: /** @type {import('loyalty-score').Delimiter | 'auto'} */ (value('delimiter')),
    decimal: /** @type {'point' | 'comma' | 'auto'} */ (value('decimal')),
    dateFormat: value('dateFormat') || 'iso',
    encoding: /** @type {import('loyalty-score').TextEncoding} */ (value('encoding')),
    columns,
  };
}

/**
 * The mapping step: one drop-down per field listing the header's columns, refreshed whenever
 * the text or the file changes (a choice already made is kept when its column is still there).
 * @param {string[]} header
 */
function offerColumns(header) {
  for (const f of FIELDS) {
    const select = /** @type {HTMLSelectElement} */ ($(`col-${f}`));
    const kept = select.value;
    select.replaceChildren(new Option('(detect)', ''), ...header.map((h) => new Option(h, h)));
    select.value = header.includes(kept) ? kept : '';
  }
}

/**
 * The header of some text: its first line, cut at the chosen delimiter (or the first of tab,
 * comma, semicolon and pipe it holds), quotes removed.
 * @param {string} text
 */
function headerOf(text) {
  const line = text.split(/\r?\n/, 1)[0] ?? '';
  const chosen = /** @type {HTMLSelectElement} */ ($('delimiter')).value;
  const d = chosen !== 'auto' ? chosen : ['\t', ',', ';', '|'].find((c) => line.includes(c)) ?? ',';
  return line.split(d).map((h) => h.trim().replace(/^"(.*)"$/, '$1')).filter((h) => h !== '');
}

/**
 * Reads transaction text piece by piece: a whole string, or a stream of bytes (a file, a
 * fetch body) handed to the reader as they arrive (it decodes them in the chosen encoding),
 * so a large file is never held as one string.
 * @param {string | ReadableStream<Uint8Array>} source
 */
async function readTransactions(source) {
  const reader = new TransactionTextReader(readingOptions());
  if (typeof source === 'string') {
    reader.push(source);
  } else {
    const chunks = source.getReader();
    for (;;) {
      const { done, value } = await chunks.read();
      if (done) break;
      reader.push(value);
    }
  }
  const result = reader.finish();
  $('reading').textContent = result.notes.join('; ');
  return result.table;
}

/**
 * Scores the table and renders it.
 * @param {import('loyalty-score').TransactionTable} transactions
 * @param {string} from where the data came from, for the status line
 */
function show(transactions, from) {
  const asOf = asOfInput.value || undefined;
  const scores = scoreCustomers(transactions, { timeUnit: 'day', ...(asOf && { asOf }) });
  const customers = [...scores.customers].sort((a, b) => a.tierRank - b.tierRank);

  $('status').textContent =
    `${scores.length} customers from ${transactions.length} transactions (${from}), as of ${scores.asOf}; ` +
    `purchase model ${scores.model.model}` +
    (customers.length > MAX_ROWS ? `; showing the top ${MAX_ROWS} by revenue` : '');
  const tiers = ['A', 'B', 'C', 'D'].map((tier) => {
    const group = customers.filter((c) => c.tier === tier);
    const clv = group.reduce((sum, c) => sum + c.clv, 0);
    return `${tier}: ${group.length} customers, lifetime value ${clv.toFixed(2)}`;
  });
  $('tiers').textContent = tiers.join(' · ');
  $('warnings').textContent = scores.warnings.map((w) => `Warning: ${w.message}`).join(' ');
  $('charts').innerHTML = charts(scores);

  const money = (/** @type {number | null} */ x) => (x === null ? '' : x.toFixed(2));
  const body = /** @type {HTMLTableSectionElement} */ (table.tBodies[0]);
  body.replaceChildren(
    ...customers.slice(0, MAX_ROWS).map((c) => {
      const row = document.createElement('tr');
      row.className = `tier-${c.tier}`;
      row.dataset['customer'] = String(c.customerId);
      /** @type {[string | number, boolean?][]} */
      const cells = [
        [c.customerId, true],
        [c.firstPurchase, true],
        [c.lastPurchase, true],
        [c.rfm.frequency],
        [money(c.revenue)],
        [money(c.profit)],
        [c.rfm.recency],
        [c.rScore],
        [c.fScore],
        [c.mScore],
        [c.rfmSegment ?? '', true],
        [c.tier, true],
        [c.pAlive.toFixed(3)],
        [money(c.clv)],
      ];
      for (const [value, text] of cells) {
        const td = document.createElement('td');
        td.textContent = String(value);
        if (text) td.className = 'text';
        row.append(td);
      }
      return row;
    }),
  );
  table.hidden = false;
}

/**
 * The charts of the HTML report for this scoring, as SVG strings (the same functions as
 * `loyalty-score report`): ABCD pyramid, Lorenz curve, RFM grid, loyalty quadrant, the model's
 * frequency/recency and P(alive) matrices, period transactions and the CLV distribution.
 * @param {import('loyalty-score').CustomerScores} scores
 */
function charts(scores) {
  const { btyd } = scores.columns.summary;
  const max = (/** @type {Float64Array} */ a) => a.reduce((m, v) => (v > m ? v : m), 1);
  const grid = { maxFrequency: Math.min(max(btyd.frequency), 200), T: max(btyd.T) };
  const timeUnit = scores.timeUnit;
  return [
    tierPyramidSvg(tierPyramid(scores)),
    lorenzCurveSvg(lorenzCurve(scores.columns.tierValue)),
    rfmGridSvg(rfmGrid(scores)),
    loyaltyQuadrantSvg(loyaltyQuadrant(scores)),
    frequencyRecencyMatrixSvg(frequencyRecencyMatrix(scores.model, grid), { timeUnit }),
    probabilityAliveMatrixSvg(probabilityAliveMatrix(scores.model, grid), { timeUnit }),
    periodTransactionsSvg(periodTransactions(scores.model, btyd)),
    clvDistributionSvg(clvDistribution(scores.columns.clv)),
  ].join('');
}

/**
 * Runs one scoring and reports errors (an InvalidInputError names the line and column).
 * @param {() => Promise<void> | void} job
 */
async function run(job) {
  document.body.dataset['state'] = 'working';
  $('error').textContent = '';
  try {
    await job();
    document.body.dataset['state'] = 'done';
  } catch (e) {
    table.hidden = true;
    $('status').textContent = '';
    $('tiers').textContent = '';
    $('charts').replaceChildren();
    $('warnings').textContent = '';
    $('reading').textContent = '';
    $('error').textContent = e instanceof Error ? e.message : String(e);
    document.body.dataset['state'] = 'error';
  }
}

async function loadExample() {
  const response = await fetch('data/transactions.csv');
  if (!response.ok || response.body === null) throw new Error(`could not load the example data (HTTP ${response.status})`);
  show(await readTransactions(response.body), 'example data');
}

$('form').addEventListener('submit', (event) => {
  event.preventDefault();
  void run(async () => show(await readTransactions(csv.value), 'pasted text'));
});
file.addEventListener('change', () => {
  const picked = file.files?.[0];
  if (!picked) return;
  void run(async () => {
    // The mapping step first: the header from the first bytes, in the chosen encoding.
    const head = new Uint8Array(await picked.slice(0, 1 << 16).arrayBuffer());
    const encoding = /** @type {HTMLSelectElement} */ ($('encoding')).value;
    offerColumns(headerOf(new TextDecoder(encoding === 'latin1' ? 'windows-1252' : encoding).decode(head)));
    show(await readTransactions(picked.stream()), picked.name);
  });
});
csv.addEventListener('input', () => offerColumns(headerOf(csv.value)));
$('delimiter').addEventListener('change', () => offerColumns(headerOf(csv.value)));
$('example').addEventListener('click', () => void run(loadExample));

// First view: the inline sample; the text of ?csv=... instead (a link can carry a small
// sample); or the example data with ?data=example.
// Reading choices may come in the link too: ?delimiter=;&decimal=comma&dateFormat=d.M.yyyy&amount=Betrag.
const params = new URLSearchParams(location.search);
const linked = params.get('csv');
if (linked !== null) csv.value = linked;
for (const id of ['delimiter', 'decimal', 'dateFormat', 'encoding']) {
  const v = params.get(id);
  if (v !== null) /** @type {HTMLInputElement} */ ($(id)).value = v;
}
offerColumns(headerOf(csv.value));
for (const f of FIELDS) {
  const v = params.get(f);
  if (v !== null) /** @type {HTMLSelectElement} */ ($(`col-${f}`)).value = v;
}
await run(params.get('data') === 'example' ? loadExample : async () => show(await readTransactions(csv.value), linked === null ? 'pasted text' : 'linked text'));
