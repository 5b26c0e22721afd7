// Helpers shared by test/browser/browser.test.ts (against the repository's build) and
// test/package/check-package.mjs (against the packed tarball): start the browser example's
// server, load a page in headless Chromium and read back the rendered DOM, and check that the
// browser bundle is self-contained.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The Chromium binary: $CHROMIUM, else Debian's /usr/bin/chromium; null when absent. */
export function findChromium() {
  const candidate = process.env.CHROMIUM || '/usr/bin/chromium';
  return existsSync(candidate) ? candidate : null;
}

/**
 * Starts `node <serveScript> --port 0` in `cwd` and resolves with the address it prints on its
 * first line, and a stop function.
 */
export function startExampleServer(serveScript, cwd) {
  const child = spawn(process.execPath, [serveScript, '--port', '0'], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve(undefined);
      child.once('exit', () => resolve(undefined));
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`the example server did not start within 10 s\n${stderr}`));
    }, 10_000);
    child.stdout.setEncoding('utf8').on('data', (d) => {
      out += d;
      const match = /^(http:\/\/127\.0\.0\.1:\d+\/)\n/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1], stop });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the example server exited with code ${code}\n${stderr}`));
    });
  });
}

/**
 * Loads `url` in headless Chromium (a fresh profile, no network beyond the page) and resolves
 * with the DOM after the page has run: `--virtual-time-budget` lets the module scripts, their
 * fetches and timers finish before `--dump-dom` serialises the document.
 */
export function dumpDom(chromium, url, { budgetMs = 10_000, timeoutMs = 60_000 } = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'loyalty-score-chromium-'));
  const args = [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-dev-shm-usage',
    `--user-data-dir=${profile}`,
    `--virtual-time-budget=${budgetMs}`,
    '--dump-dom',
    url,
  ];
  return new Promise((resolve, reject) => {
    const child = spawn(chromium, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', (e) => {
      clearTimeout(timer);
      rmSync(profile, { recursive: true, force: true });
      reject(e);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      rmSync(profile, { recursive: true, force: true });
      if (code === 0 && stdout.includes('</html>')) resolve(stdout);
      else reject(new Error(`chromium ${signal ? `was killed (${signal})` : `exited with code ${code}`}\n${stderr.slice(-2000)}`));
    });
  });
}

const decode = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** What the example page shows, read from its serialised DOM. */
export function readExamplePage(html) {
  const text = (id) => {
    const m = new RegExp(`<[a-z]+ id="${id}"[^>]*>([^<]*)<`).exec(html);
    return m ? decode(m[1]) : null;
  };
  const rows = [...html.matchAll(/<tr class="tier-[A-D]" data-customer="[^"]*">(.*?)<\/tr>/g)].map((m) =>
    [...m[1].matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((c) => decode(c[1])),
  );
  return {
    state: /<body[^>]*data-state="([^"]*)"/.exec(html)?.[1] ?? null,
    status: text('status'),
    tiers: text('tiers'),
    error: text('error'),
    rows,
  };
}

/**
 * Problems that would stop the browser bundle from loading as a plain `<script type="module">`:
 * imports of any kind (it must be self-contained, dependencies inlined), Node built-ins, require().
 */
export function bundleProblems(code) {
  const rules = [
    [/\bimport\s*\(/, 'a dynamic import()'],
    // `}from"./x.js"` or `x from "y"`: a name or a closing brace, then a module specifier (a
    // quoted word without spaces or commas), so data such as ["from","to"] is not taken for one.
    [/[}\w*$]\s*\bfrom\s*(["'`])[^"'`\s,]+\1/, 'a static import (from "...")'],
    [/\bimport\s*["'`]/, 'a side-effect import'],
    [/["'`]node:/, 'a node: module specifier'],
    [/\brequire\s*\(/, 'a require() call'],
  ];
  const problems = [];
  for (const [re, what] of rules) {
    const m = re.exec(code);
    if (m) problems.push(`${what} at offset ${m.index}: …${code.slice(Math.max(0, m.index - 40), m.index + 40)}…`);
  }
  if (!/\bexport\s*\{/.test(code)) problems.push('no export statement');
  return problems;
}
