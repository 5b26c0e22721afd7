// @ts-check
// The browser example's script: reads the transactions (pasted text, a picked file, or the
// example data fetched from the server), then shows one row per customer with the summary,
// the RFM scores and segment, and the ABCD tier. Loaded by index.html, which maps the name
// 'loyalty-score' to the browser build.
import { assignTiers, scoreRfm, summarizeCustomers, tierReport, TransactionTextReader } from 'loyalty-score';

/** Rows shown at most (the scores are computed for everyone). */
const MAX_ROWS = 500;

const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
const csv = /** @type {HTMLTextAreaElement} */ ($('csv'));
const file = /** @type {HTMLInputElement} */ ($('file'));
const asOfInput = /** @type {HTMLInputElement} */ ($('asOf'));
const table = /** @type {HTMLTableElement} */ ($('customers'));

/**
 * Reads transaction text piece by piece: a whole string, or a stream of bytes (a file, a
 * fetch body), decoded as it arrives so a large file is never held as one string.
 * @param {string | ReadableStream<Uint8Array>} source
 */
async function readTransactions(source) {
  const reader = new TransactionTextReader();
  if (typeof source === 'string') {
    reader.push(source);
  } else {
    const decoder = new TextDecoder();
    const chunks = source.getReader();
    for (;;) {
      const { done, value } = await chunks.read();
      if (done) break;
      reader.push(decoder.decode(value, { stream: true }));
    }
    reader.push(decoder.decode());
  }
  return reader.finish().table;
}

/**
 * Scores the table and renders it.
 * @param {import('loyalty-score').TransactionTable} transactions
 * @param {string} from where the data came from, for the status line
 */
function show(transactions, from) {
  const asOf = asOfInput.value || undefined;
  const summaries = summarizeCustomers(transactions, { timeUnit: 'day', ...(asOf && { asOf }) });
  const rfm = scoreRfm(summaries);
  const tiers = assignTiers(summaries);
  const report = tierReport(tiers);

  const rfmById = new Map(rfm.customers.map((c) => [c.customerId, c]));
  const summaryById = new Map(summaries.customers.map((c) => [c.customerId, c]));
  const ranked = [...tiers.customers].sort((a, b) => a.rank - b.rank);

  $('status').textContent =
    `${summaries.customers.length} customers from ${transactions.length} transactions (${from}), as of ${summaries.asOf}` +
    (ranked.length > MAX_ROWS ? `; showing the top ${MAX_ROWS} by revenue` : '');
  $('tiers').textContent =
    report.tiers.map((t) => `${t.tier}: ${t.count} customers, ${(100 * t.valueShare).toFixed(1)} % of revenue`).join(' · ') +
    ` · Gini ${report.gini.toFixed(3)}`;

  const money = (/** @type {number | null} */ x) => (x === null ? '' : x.toFixed(2));
  const body = /** @type {HTMLTableSectionElement} */ (table.tBodies[0]);
  body.replaceChildren(
    ...ranked.slice(0, MAX_ROWS).map((t) => {
      const s = /** @type {import('loyalty-score').CustomerSummary} */ (summaryById.get(t.customerId));
      const r = /** @type {import('loyalty-score').RfmScore} */ (rfmById.get(t.customerId));
      const row = document.createElement('tr');
      row.className = `tier-${t.tier}`;
      row.dataset['customer'] = String(t.customerId);
      /** @type {[string | number, boolean?][]} */
      const cells = [
        [t.customerId, true],
        [s.firstPurchase, true],
        [s.lastPurchase, true],
        [s.rfm.frequency],
        [money(s.revenue)],
        [money(s.profit)],
        [s.rfm.recency],
        [r.r],
        [r.f],
        [r.m],
        [r.segment ?? '', true],
        [t.tier, true],
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
  if (picked) void run(async () => show(await readTransactions(picked.stream()), picked.name));
});
$('example').addEventListener('click', () => void run(loadExample));

// First view: the inline sample; the text of ?csv=... instead (a link can carry a small
// sample); or the example data with ?data=example.
const params = new URLSearchParams(location.search);
const linked = params.get('csv');
if (linked !== null) csv.value = linked;
await run(params.get('data') === 'example' ? loadExample : async () => show(await readTransactions(csv.value), linked === null ? 'pasted text' : 'linked text'));
