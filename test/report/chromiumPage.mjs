// Drives headless Chromium over the DevTools protocol on a pipe (--remote-debugging-pipe: JSON
// messages ending in NUL on file descriptors 3 and 4), so the report tests need no WebSocket
// client and no browser-automation package. Every request other than the page itself is
// blocked (Fetch domain) and counted; console errors and uncaught exceptions are collected.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Opens headless Chromium and resolves with a session to load pages in. */
export async function openBrowser(chromium, { width = 1400, height = 1000 } = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'loyalty-score-report-'));
  const child = spawn(
    chromium,
    ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', '--hide-scrollbars', '--font-render-hinting=none', `--user-data-dir=${profile}`, '--remote-debugging-pipe', 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d) => (stderr = (stderr + d).slice(-4000)));
  const toBrowser = child.stdio[3];
  const fromBrowser = child.stdio[4];
  let nextId = 1;
  const pending = new Map();
  const listeners = new Set();
  let buffer = '';
  fromBrowser.setEncoding('utf8').on('data', (chunk) => {
    buffer += chunk;
    let end;
    while ((end = buffer.indexOf('\0')) >= 0) {
      const message = JSON.parse(buffer.slice(0, end));
      buffer = buffer.slice(end + 1);
      if (message.id !== undefined && pending.has(message.id)) {
        const { resolve, reject, method } = pending.get(message.id);
        pending.delete(message.id);
        if (message.error) reject(new Error(`${method}: ${message.error.message}`));
        else resolve(message.result);
      } else for (const l of listeners) l(message);
    }
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const send = (method, params = {}, sessionId) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject, method });
      toBrowser.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });
  const { targetInfos } = await send('Target.getTargets');
  const page = targetInfos.find((t) => t.type === 'page');
  if (!page) throw new Error(`no page target\n${stderr}`);
  const { sessionId } = await send('Target.attachToTarget', { targetId: page.targetId, flatten: true });
  const call = (method, params) => send(method, params, sessionId);
  const events = { consoleErrors: [], blocked: [], requests: [] };
  let allowed = '';
  const loaded = [];
  listeners.add((m) => {
    if (m.sessionId !== sessionId) return;
    if (m.method === 'Runtime.consoleAPICalled' && (m.params.type === 'error' || m.params.type === 'assert')) events.consoleErrors.push(m.params.args.map((a) => a.value ?? a.description).join(' '));
    if (m.method === 'Runtime.exceptionThrown') events.consoleErrors.push(m.params.exceptionDetails.text);
    if (m.method === 'Log.entryAdded' && m.params.entry.level === 'error') events.consoleErrors.push(`${m.params.entry.source}: ${m.params.entry.text}`);
    if (m.method === 'Network.requestWillBeSent' && m.params.request.url !== allowed) events.requests.push(m.params.request.url);
    if (m.method === 'Fetch.requestPaused') {
      const { requestId, request } = m.params;
      if (request.url === allowed) void call('Fetch.continueRequest', { requestId });
      else {
        events.blocked.push(request.url);
        void call('Fetch.failRequest', { requestId, errorReason: 'BlockedByClient' });
      }
    }
    if (m.method === 'Page.loadEventFired') loaded.splice(0).forEach((r) => r());
  });
  for (const domain of ['Runtime', 'Log', 'Network', 'Page']) await call(`${domain}.enable`);
  await call('Fetch.enable', { patterns: [{ urlPattern: '*' }] });
  await call('Emulation.setDeviceMetricsOverride', { width, height, deviceScaleFactor: 1, mobile: false });

  return {
    events,
    /** Loads a local HTML file and waits for its load event. */
    async load(path) {
      allowed = pathToFileURL(path).href;
      const done = new Promise((resolve) => loaded.push(resolve));
      await call('Page.navigate', { url: allowed });
      await done;
    },
    /** Evaluates an expression in the page and returns its value (JSON). */
    async evaluate(expression) {
      const r = await call('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true });
      if (r.exceptionDetails) throw new Error(`evaluate: ${r.exceptionDetails.text} ${r.exceptionDetails.exception?.description ?? ''}`);
      return r.result.value;
    },
    /** Sets prefers-color-scheme ('light' or 'dark') and the media type ('screen' or 'print'). */
    async emulate({ colorScheme = 'light', media = 'screen' } = {}) {
      await call('Emulation.setEmulatedMedia', { media, features: [{ name: 'prefers-color-scheme', value: colorScheme }] });
    },
    /** A PNG of the page region { x, y, width, height } (page coordinates), as a Buffer. */
    async screenshot(clip) {
      const r = await call('Page.captureScreenshot', { format: 'png', captureBeyondViewport: true, clip: { ...clip, scale: 1 } });
      return Buffer.from(r.data, 'base64');
    },
    /** The page printed to PDF with its CSS page size, as a Buffer. */
    async printToPdf() {
      const r = await call('Page.printToPDF', { preferCSSPageSize: true, printBackground: true });
      return Buffer.from(r.data, 'base64');
    },
    async close() {
      try {
        await send('Browser.close');
      } catch {
        child.kill('SIGKILL');
      }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Runs in the page: the text boxes that overlap another text box of the same chart, the chart
 * texts outside their chart, overlapping blocks (chart, caption, table) of a figure, and any two
 * rendered lines of text anywhere in the page (HTML or SVG) whose boxes overlap.
 */
export const LAYOUT_CHECK = `(() => {
  const problems = [];
  const overlap = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;
  const label = (e) => (e.textContent || '').trim().slice(0, 40);
  for (const svg of document.querySelectorAll('svg')) {
    const chart = svg.closest('figure')?.dataset.chart ?? '?';
    const box = svg.getBoundingClientRect();
    const texts = [...svg.querySelectorAll('text')].filter((t) => (t.textContent || '').trim() !== '').map((t) => ({ t, r: t.getBoundingClientRect() }));
    for (const { t, r } of texts) {
      if (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5) problems.push(chart + ': text outside the chart: ' + label(t));
    }
    for (let i = 0; i < texts.length; i++) for (let j = i + 1; j < texts.length; j++) if (overlap(texts[i].r, texts[j].r)) problems.push(chart + ': "' + label(texts[i].t) + '" overlaps "' + label(texts[j].t) + '"');
  }
  for (const fig of document.querySelectorAll('figure')) {
    const parts = [...fig.children].map((e) => ({ e, r: e.getBoundingClientRect() }));
    for (let i = 0; i < parts.length; i++) for (let j = i + 1; j < parts.length; j++) if (overlap(parts[i].r, parts[j].r)) problems.push(fig.dataset.chart + ': ' + parts[i].e.tagName + ' overlaps ' + parts[j].e.tagName);
    const fr = fig.getBoundingClientRect();
    for (const { e, r } of parts) if (r.right > fr.right + 0.5) problems.push(fig.dataset.chart + ': ' + e.tagName + ' sticks out of its figure by ' + Math.round(r.right - fr.right) + 'px');
  }
  // Every rendered line of text in the page (HTML and SVG), one box per line fragment: no two may overlap.
  const boxes = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent.trim() || node.parentElement.closest('title, desc, style')) continue;
    range.selectNodeContents(node);
    for (const r of range.getClientRects()) if (r.width > 0.5 && r.height > 0.5) boxes.push({ r, node });
  }
  boxes.sort((a, b) => a.r.top - b.r.top);
  for (let i = 0; i < boxes.length && problems.length < 50; i++) {
    for (let j = i + 1; j < boxes.length && boxes[j].r.top < boxes[i].r.bottom - 0.5; j++) {
      if (boxes[i].node !== boxes[j].node && overlap(boxes[i].r, boxes[j].r)) problems.push('text "' + boxes[i].node.textContent.trim().slice(0, 30) + '" overlaps "' + boxes[j].node.textContent.trim().slice(0, 30) + '"');
    }
  }
  const figs = [...document.querySelectorAll('figure')].map((e) => ({ e, r: e.getBoundingClientRect() }));
  for (let i = 0; i < figs.length; i++) for (let j = i + 1; j < figs.length; j++) if (overlap(figs[i].r, figs[j].r)) problems.push('figure ' + figs[i].e.dataset.chart + ' overlaps ' + figs[j].e.dataset.chart);
  return problems;
})()`;

/** Runs in the page: every table's cells as { table: [[text or data-value, ...], ...] }. */
export const READ_TABLES = `(() => {
  const out = {};
  for (const t of document.querySelectorAll('table[data-table]')) {
    out[t.dataset.table] = [...t.querySelectorAll('tbody tr')].map((tr) => [...tr.children].map((c) => (c.dataset.value !== undefined ? Number(c.dataset.value) : c.textContent)));
  }
  return out;
})()`;

/** Runs in the page: figure ids with their page boxes, and the section ids. */
export const READ_LAYOUT = `(() => ({
  sections: [...document.querySelectorAll('section[data-section]')].map((s) => s.dataset.section),
  figures: [...document.querySelectorAll('figure[data-chart]')].map((f) => { const r = f.getBoundingClientRect(); return { id: f.dataset.chart, x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: r.height }; }),
  page: { width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight },
}))()`;
