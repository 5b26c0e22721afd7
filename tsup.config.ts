import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // The core library: runtime-agnostic, no Node-only imports. `math` is the
    // `loyalty-score/math` subpath (numerical and calendar plumbing); shared code goes to chunks.
    // `duckdb` is the Node-only `loyalty-score/duckdb` subpath: it imports nothing of Node itself
    // and loads its optional peer `@duckdb/node-api` (external, as every peer) only when called,
    // so it shares the core's chunks and classes here.
    // `charts` is the `loyalty-score/charts` subpath: the chart data and SVG functions alone (also in the root).
    entry: { index: 'src/index.ts', math: 'src/math.ts', duckdb: 'src/duckdb/index.ts', charts: 'src/charts/index.ts' },
    format: ['esm', 'cjs'],
    // Chunks for require() too, so both entries share one copy of each module: an
    // InvalidInputError thrown through loyalty-score/math is the root's class under CJS as well.
    splitting: true,
    dts: true,
    sourcemap: true,
    clean: false,
    target: 'es2022',
    platform: 'neutral',
    treeshake: true,
  },
  {
    // The browser build: the same core as one self-contained, minified ES module with the
    // runtime dependencies inlined, for `<script type="module">` without a bundler
    // (`loyalty-score/browser`). Its types are the core's `dist/index.d.ts`.
    entry: { 'loyalty-score': 'src/index.ts' },
    outDir: 'dist/browser',
    format: ['esm'],
    outExtension: () => ({ js: '.js' }),
    dts: false,
    sourcemap: true,
    minify: true,
    clean: false,
    target: 'es2022',
    platform: 'browser',
    treeshake: true,
    noExternal: [/.*/],
  },
  {
    // The command line: Node only, ESM.
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    dts: false,
    sourcemap: true,
    clean: false,
    target: 'node20',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
  },
]);
