// @ts-check
// A tiny static server for the browser example, on 127.0.0.1 only:
//
//   node examples/browser/serve.mjs [--port 8080]      (--port 0 picks a free port)
//
// It serves this folder's page and script, the example data, and the package's browser build
// (`loyalty-score/browser`, found the way Node resolves the package: in this repository after
// `npm run build`, or in node_modules where the package is installed) at /loyalty-score/.
// It prints the page's address on its first line of output.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { port: { type: 'string', default: '8080' } } });
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a whole number from 0 to 65535 (got ${values.port})`);
  process.exit(2);
}

const here = dirname(fileURLToPath(import.meta.url));
let build = '';
try {
  build = fileURLToPath(import.meta.resolve('loyalty-score/browser'));
} catch {
  // handled below
}
if (build === '' || !existsSync(build)) {
  console.error('cannot find the browser build (loyalty-score/browser): run `npm run build` in the repository, or install the package');
  process.exit(1);
}

// Every path the server answers, and nothing else (no directory listing, no path traversal).
/** @type {Record<string, string>} */
const routes = {
  '/': join(here, 'index.html'),
  '/index.html': join(here, 'index.html'),
  '/app.mjs': join(here, 'app.mjs'),
  '/data/transactions.csv': join(here, '../data/transactions.csv'),
  '/loyalty-score/loyalty-score.js': build,
  '/loyalty-score/loyalty-score.js.map': `${build}.map`,
};
/** @type {Record<string, string>} */
const types = {
  '.html': 'text/html; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
};

const server = createServer(async (req, res) => {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  const file = routes[path];
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  if (file === undefined) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
    return;
  }
  try {
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : body);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`missing ${path}\n`);
  }
});

server.listen(port, '127.0.0.1', () => {
  const address = server.address();
  const actual = typeof address === 'object' && address !== null ? address.port : port;
  console.log(`http://127.0.0.1:${actual}/`);
  console.log('serving the loyalty-score browser example; Ctrl+C stops');
});
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) process.on(signal, () => {
  server.close(() => process.exit(0));
  server.closeAllConnections();
});
