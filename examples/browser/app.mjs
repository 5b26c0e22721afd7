// @ts-check
// The browser example's script: reads the transactions (pasted text, a picked file, or the
// example data fetched from the server), scores them with scoreCustomers, then shows one row
// per customer with the summary, the RFM scores and segment, the ABCD tier, the probability
// that the customer is still active and the lifetime value over the next year. Loaded by
// index.html, which maps the name 'loyalty-score' to the browser build.
import { scoreCustomers, TransactionTextReader } from 'loyalty-score';

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
    $('warnings').textContent = '';
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
