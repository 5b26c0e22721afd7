// The borders between the areas of src/, held by a test.
//
// An area is a first-level folder of src/. Every import and re-export of every file under src/ is
// read (type-only ones included) with the TypeScript parser, so import lines quoted inside doc
// comments and `@example` blocks do not count. The test fails on:
//   (a) an import cycle between files (type-only cycles too: they tie files together just as much);
//   (b) an import from one area into another that ALLOWED below does not list, and any import of
//       src/index.ts from inside src/;
//   (c) an import of a symbol documented `@internal` from another area, except the plumbing of the
//       foundation areas (SHARED_INTERNALS) and the single symbols in INTERNAL_EXCEPTIONS;
//   (d) a Node-only module (`node:*` or a bare built-in such as 'fs') outside NODE_ONLY, and any
//       package that is not a runtime dependency in package.json.
//
// The layering, lowest first (an area may import the areas below it, never above or sideways):
//
//   errors <- time <- math <- transactions <- io, summary <- rfm, tiers, loyalty, models <- clv
//          <- pipeline <- charts <- report <- cli
//
// simulate (synthetic data) sits beside the models and may import models, math and time.
// One sideways pair is allowed on purpose: loyalty -> tiers, because the value-by-loyalty groups
// (classifyValueLoyalty) take a customer's tier as input.
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, posix, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/** The areas each area may import (besides itself). Keep this list short and explain additions. */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  errors: [],
  time: ['errors'],
  math: ['errors', 'time'],
  transactions: ['errors', 'time', 'math'],
  io: ['errors', 'time', 'math', 'transactions'],
  summary: ['errors', 'time', 'math', 'transactions'],
  rfm: ['errors', 'time', 'math', 'transactions', 'summary'],
  tiers: ['errors', 'time', 'math', 'transactions', 'summary'],
  loyalty: ['errors', 'time', 'math', 'transactions', 'summary', 'tiers'],
  models: ['errors', 'time', 'math', 'transactions', 'summary'],
  simulate: ['errors', 'time', 'math', 'models'],
  clv: ['errors', 'time', 'math', 'transactions', 'summary', 'models'],
  pipeline: ['errors', 'time', 'math', 'transactions', 'io', 'summary', 'rfm', 'tiers', 'loyalty', 'models', 'clv'],
  // sql: SQL text for databases (summaries, compressed fit rows, scores); browser-safe, no
  // driver. It writes the summary's semantics as SQL and renders fitted models' predictions.
  sql: ['errors', 'time', 'math', 'transactions', 'summary', 'models', 'clv'],
  // duckdb: the Node-only loyalty-score/duckdb subpath: summarySql run by an embedded DuckDB
  // (the optional peer @duckdb/node-api, loaded by a dynamic import only when called), the fits on
  // its compressed rows (models, pipeline's fit checks) and the scores DuckDB writes (clv).
  duckdb: ['errors', 'time', 'math', 'transactions', 'summary', 'models', 'clv', 'pipeline', 'sql'],
  // The CLI's PostgreSQL engine: the SQL of src/sql on a server, fitted with duckdb's
  // fitCompressedSummary (engine-neutral: weighted distinct rows in, fits out).
  postgres: ['errors', 'time', 'math', 'transactions', 'summary', 'models', 'clv', 'pipeline', 'sql', 'duckdb'],
  // charts: plot-ready data and SVG strings drawn from every measure (a scored base, fitted
  // models, their evaluation); browser-safe, below the report.
  charts: ['errors', 'time', 'math', 'transactions', 'summary', 'rfm', 'tiers', 'loyalty', 'models', 'clv', 'pipeline'],
  // report: the HTML document that lays the charts out; the CLI's report command writes it.
  report: ['errors', 'time', 'math', 'transactions', 'summary', 'rfm', 'tiers', 'loyalty', 'models', 'clv', 'pipeline', 'charts'],
  cli: ['errors', 'time', 'math', 'transactions', 'io', 'summary', 'rfm', 'tiers', 'loyalty', 'models', 'simulate', 'clv', 'pipeline', 'report', 'duckdb', 'sql', 'postgres'],
};

/**
 * Files that may import Node-only modules: the command line. src/io has no Node-only file today
 * (its text reader works on strings and chunks from any source); add one here if it gains one.
 */
const NODE_ONLY = [
  /^cli\//,
  // loyalty-score/duckdb is a Node-only subpath (a native driver): it may use Node built-ins.
  /^duckdb\//,
  /^postgres\//,
];

/**
 * Areas whose `@internal` helpers are library-wide plumbing: option and issue helpers (errors),
 * day arithmetic (time), numerics (math) and row resolution (transactions). The `@internal`
 * symbols of every other area stay inside it: another area that needs one should get it moved
 * down into the area that owns the input, or made public.
 */
const SHARED_INTERNALS = ['errors', 'time', 'math', 'transactions'];

/** Single `@internal` symbols that may cross a border anyway, as 'from-area -> file#name': reason. */
const INTERNAL_EXCEPTIONS: Readonly<Record<string, string>> = {
  'pipeline -> clv/distinctHistories.ts#distinctHistories': "scoreCustomers finds the customers' distinct histories once, for P(alive) and CLV",
  'pipeline -> clv/distinctHistories.ts#DistinctHistories': "scoreCustomers finds the customers' distinct histories once, for P(alive) and CLV",
  'pipeline -> clv/predictClv.ts#predictClvByHistory': "scoreCustomers finds the customers' distinct histories once, for P(alive) and CLV",
  'cli -> io/splitFields.ts#splitFields': 'the survey file reader splits lines as the transaction reader does',
  'cli -> io/splitFields.ts#detectDelimiter': 'the survey file reader detects the delimiter as the transaction reader does',
  'cli -> duckdb/sourceColumns.ts#duckDbSourceColumnTypes': "--engine duckdb reads a typed (DATE, TIMESTAMP) date column as a date, which needs the source's column types",
  'postgres -> duckdb/engineErrors.ts#engineError': 'the checks summarySql raises inside the engine read alike on DuckDB and PostgreSQL',
  'postgres -> pipeline/discountStep.ts#discountStep': "scores written by PostgreSQL discount in the pipeline's steps, as DuckDB's do",
  'duckdb -> pipeline/discountStep.ts#discountStep': "scores written by DuckDB discount in the pipeline's steps, so their CLV is scoreCustomers' CLV",
  'duckdb -> sql/summarySql.ts#SUMMARY_SQL_OPTION_KEYS': "the DuckDB functions take summarySql's options, so they reject unknown keys by summarySql's list",
  'duckdb -> sql/summarySql.ts#SQL_TRANSACTION_COLUMN_KEYS': "the DuckDB functions take summarySql's columns map, so they reject unknown keys by summarySql's list",
  'cli -> summary/chunkedSummary.ts#ChunkedSummary': 'score --low-memory summarises a file in two readings of its chunks, which only a file reader can make',
  'cli -> pipeline/scoreCustomers.ts#scoreSummaryColumns': 'score --low-memory scores the summary it made chunk by chunk with the steps of scoreCustomers after the summary',
  'report -> pipeline/scoreCustomers.ts#SCORE_CUSTOMERS_OPTION_KEYS': "buildReport takes scoreCustomers' options, so it rejects unknown keys by scoreCustomers' list",
};

/**
 * Optional peer dependencies a Node-only subpath may import, by area: the engine drivers, which
 * users install only for that subpath (they must be listed in package.json peerDependencies).
 */
const PEER_IMPORTS: Readonly<Record<string, readonly string[]>> = {
  duckdb: ['@duckdb/node-api'],
  postgres: ['pg'],
};

/** Files outside src/ that src/ may read, by importing file. */
const OUTSIDE_SRC: Readonly<Record<string, readonly string[]>> = {
  'cli/main.ts': ['package.json'],
};

const root = resolve(import.meta.dirname, '../..');
const srcDir = join(root, 'src');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies?: Record<string, string>; peerDependencies?: Record<string, string> };
const runtimeDependencies = new Set(Object.keys(pkg.dependencies ?? {}));
const peerDependencies = new Set(Object.keys(pkg.peerDependencies ?? {}));
const nodeBuiltins = new Set(builtinModules);

interface ImportEdge {
  /** Importing file, relative to src/ with forward slashes. */
  readonly from: string;
  /** The specifier as written. */
  readonly specifier: string;
  /** Target relative to src/ (may start with '../' when outside src/), or null for a package. */
  readonly to: string | null;
  /** Imported or re-exported names as the target exports them; null for `*` or a side-effect import. */
  readonly names: readonly string[] | null;
  readonly line: number;
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)]))
    .filter((file) => /\.(ts|mts|cts)$/.test(file));
}

const toPosix = (path: string): string => path.split('\\').join('/');
const files = listFiles(srcDir)
  .map((file) => toPosix(relative(srcDir, file)))
  .sort();
const fileSet = new Set(files);
const sources = new Map(
  files.map((file) => [file, ts.createSourceFile(file, readFileSync(join(srcDir, file), 'utf8'), ts.ScriptTarget.ES2022, true)]),
);

/** Resolves a relative specifier to a file relative to src/: './a.js' -> 'dir/a.ts'. */
function resolveRelative(from: string, specifier: string): string {
  const joined = posix.normalize(posix.join(posix.dirname(from), specifier));
  const candidates = [joined.replace(/\.(m|c)?js$/, '.$1ts'), joined, `${joined}.ts`, `${joined}/index.ts`];
  return candidates.find((candidate) => fileSet.has(candidate)) ?? joined;
}

function importsOf(file: string): ImportEdge[] {
  const source = sources.get(file);
  if (source === undefined) return [];
  const edges: ImportEdge[] = [];
  const add = (literal: ts.StringLiteralLike, names: readonly string[] | null): void => {
    const specifier = literal.text;
    const to = specifier.startsWith('.') ? resolveRelative(file, specifier) : null;
    const line = source.getLineAndCharacterOfPosition(literal.getStart(source)).line + 1;
    edges.push({ from: file, specifier, to, names, line });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteralLike(node.moduleSpecifier)) {
      const clause = node.importClause;
      let names: string[] | null = null;
      if (clause !== undefined) {
        names = [];
        if (clause.name !== undefined) names.push('default');
        const bindings = clause.namedBindings;
        if (bindings !== undefined && ts.isNamedImports(bindings)) {
          for (const element of bindings.elements) names.push((element.propertyName ?? element.name).text);
        } else if (bindings !== undefined) names = null; // import * as ns
      }
      add(node.moduleSpecifier, names);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier !== undefined && ts.isStringLiteralLike(node.moduleSpecifier)) {
      const clause = node.exportClause;
      const names = clause !== undefined && ts.isNamedExports(clause) ? clause.elements.map((e) => (e.propertyName ?? e.name).text) : null;
      add(node.moduleSpecifier, names);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [argument] = node.arguments;
      if (argument !== undefined && ts.isStringLiteralLike(argument)) add(argument, null);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteralLike(node.argument.literal)) {
      add(node.argument.literal, null);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return edges;
}

const edges = files.flatMap(importsOf);
const areaOf = (file: string): string => (file.includes('/') ? (file.split('/')[0] ?? '') : '.');
const where = (edge: ImportEdge): string => `src/${edge.from}:${edge.line} imports '${edge.specifier}'`;

/** Whether `name`, as exported by `file`, is declared with an `@internal` doc tag. */
function isInternalExport(file: string, name: string, seen = new Set<string>()): boolean {
  const key = `${file}#${name}`;
  const source = sources.get(file);
  if (source === undefined || seen.has(key)) return false;
  seen.add(key);
  const tagged = (node: ts.Node): boolean => ts.getJSDocTags(node).some((tag) => tag.tagName.text === 'internal');
  const declaredName = (node: ts.Statement): readonly string[] => {
    if (ts.isVariableStatement(node)) return node.declarationList.declarations.flatMap((d) => (ts.isIdentifier(d.name) ? [d.name.text] : []));
    const named = node as ts.Statement & { name?: ts.Node };
    return named.name !== undefined && ts.isIdentifier(named.name) ? [named.name.text] : [];
  };
  for (const statement of source.statements) {
    if (ts.isExportDeclaration(statement)) {
      const clause = statement.exportClause;
      const target =
        statement.moduleSpecifier !== undefined && ts.isStringLiteralLike(statement.moduleSpecifier) && statement.moduleSpecifier.text.startsWith('.')
          ? resolveRelative(file, statement.moduleSpecifier.text)
          : null;
      if (clause !== undefined && ts.isNamedExports(clause)) {
        for (const element of clause.elements) {
          if (element.name.text !== name) continue;
          if (tagged(element) || tagged(statement)) return true;
          const original = (element.propertyName ?? element.name).text;
          return target === null ? isInternalExport(file, original, seen) : isInternalExport(target, original, seen);
        }
      } else if (clause === undefined && target !== null && isInternalExport(target, name, seen)) {
        return true;
      }
      continue;
    }
    if (declaredName(statement).includes(name)) {
      const exported = ts.canHaveModifiers(statement) && (ts.getModifiers(statement) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
      if (exported || ts.isVariableStatement(statement) || ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) {
        const declaration = ts.isVariableStatement(statement) ? (statement.declarationList.declarations[0] ?? statement) : statement;
        if (tagged(declaration) || tagged(statement)) return true;
      }
    }
  }
  return false;
}

/** Strongly connected components of the file graph with more than one file, or a file importing itself. */
function importCycles(): string[][] {
  const next = new Map<string, string[]>(files.map((file) => [file, []]));
  for (const edge of edges) if (edge.to !== null && fileSet.has(edge.to)) next.get(edge.from)?.push(edge.to);
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const connect = (file: string): void => {
    index.set(file, counter);
    low.set(file, counter);
    counter++;
    stack.push(file);
    onStack.add(file);
    for (const target of next.get(file) ?? []) {
      if (!index.has(target)) {
        connect(target);
        low.set(file, Math.min(low.get(file) ?? 0, low.get(target) ?? 0));
      } else if (onStack.has(target)) {
        low.set(file, Math.min(low.get(file) ?? 0, index.get(target) ?? 0));
      }
    }
    if (low.get(file) === index.get(file)) {
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop();
        if (member === undefined) break;
        onStack.delete(member);
        component.push(member);
      } while (member !== file);
      if (component.length > 1 || (next.get(file) ?? []).includes(file)) components.push(component);
    }
  };
  for (const file of files) if (!index.has(file)) connect(file);
  // Report one concrete cycle per component: a shortest path back to its first file.
  return components.map((component) => {
    const members = new Set(component);
    const start = [...component].sort()[0] ?? '';
    const previous = new Map<string, string>();
    const queue = [start];
    for (let i = 0; i < queue.length; i++) {
      const file = queue[i] ?? '';
      for (const target of next.get(file) ?? []) {
        if (!members.has(target)) continue;
        if (target === start) {
          const path = [file];
          while (path[0] !== start) path.unshift(previous.get(path[0] ?? '') ?? start);
          return [...path, start];
        }
        if (!previous.has(target)) {
          previous.set(target, file);
          queue.push(target);
        }
      }
    }
    return component;
  });
}

describe('borders of src/', () => {
  it('reads the imports of every file', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(edges.length).toBeGreaterThan(files.length);
  });

  it('the allow-list itself is layered: no two areas may import each other, directly or through others', () => {
    const reaches = (from: string, to: string, seen = new Set<string>()): boolean =>
      (ALLOWED[from] ?? []).some((area) => area === to || (!seen.has(area) && (seen.add(area), reaches(area, to, seen))));
    const cyclic = Object.keys(ALLOWED).filter((area) => reaches(area, area));
    expect(cyclic).toEqual([]);
    // Every area of src/ is listed, so a new folder needs a deliberate entry.
    const areas = [...new Set(files.map(areaOf))].filter((area) => area !== '.').sort();
    expect(areas.filter((area) => ALLOWED[area] === undefined)).toEqual([]);
  });

  it('(a) has no import cycle between files, type-only imports included', () => {
    expect(importCycles().map((cycle) => cycle.join(' -> '))).toEqual([]);
  });

  it('(b) imports across areas only along the documented layering; nothing imports src/index.ts', () => {
    const violations: string[] = [];
    for (const edge of edges) {
      if (edge.to === null) continue;
      const from = areaOf(edge.from);
      if (edge.to.startsWith('../')) {
        if (!(OUTSIDE_SRC[edge.from] ?? []).includes(posix.normalize(edge.to.replace(/^\.\.\//, '')))) violations.push(`${where(edge)}: outside src/`);
        continue;
      }
      const to = areaOf(edge.to);
      if (from === '.') continue; // src/index.ts and the other entry files at the root re-export areas
      if (to === '.') violations.push(`${where(edge)}: nothing inside src/ imports the root entry`);
      else if (to !== from && !(ALLOWED[from] ?? []).includes(to)) violations.push(`${where(edge)}: ${from} -> ${to} is not allowed`);
    }
    expect(violations).toEqual([]);
  });

  it('(c) does not import an @internal symbol from another area', () => {
    const violations: string[] = [];
    for (const edge of edges) {
      if (edge.to === null || edge.names === null || !fileSet.has(edge.to)) continue;
      const from = areaOf(edge.from);
      const to = areaOf(edge.to);
      if (from === to || from === '.' || SHARED_INTERNALS.includes(to)) continue;
      for (const name of edge.names) {
        if (INTERNAL_EXCEPTIONS[`${from} -> ${edge.to}#${name}`] !== undefined) continue;
        if (isInternalExport(edge.to, name)) violations.push(`${where(edge)}: ${name} is @internal to ${to}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('(d) the core has no Node-only import, and packages are runtime dependencies', () => {
    const violations: string[] = [];
    for (const edge of edges) {
      if (edge.to !== null) continue;
      const bare = edge.specifier.replace(/^node:/, '').split('/')[0] ?? '';
      const isNode = edge.specifier.startsWith('node:') || nodeBuiltins.has(bare);
      if (isNode) {
        if (!NODE_ONLY.some((pattern) => pattern.test(edge.from))) violations.push(`${where(edge)}: Node-only module outside ${NODE_ONLY.join(', ')}`);
        continue;
      }
      const name = edge.specifier.startsWith('@') ? edge.specifier.split('/').slice(0, 2).join('/') : bare;
      const peer = peerDependencies.has(name) && (PEER_IMPORTS[areaOf(edge.from)] ?? []).includes(name);
      if (!runtimeDependencies.has(name) && !peer) violations.push(`${where(edge)}: '${name}' is not in package.json dependencies`);
    }
    expect(violations).toEqual([]);
  });

  it('the import reader sees type imports, multi-line lists and re-exports, and skips imports quoted in comments', () => {
    const text = [
      "import type {\n  A,\n  B as C,\n} from '../rfm/a.js';",
      "export { D } from './d.js';",
      "/** @example\n * import { x } from '../cli/main.js';\n */",
      "// import { y } from '../cli/main.js';",
    ].join('\n');
    const source = ts.createSourceFile('tiers/x.ts', text, ts.ScriptTarget.ES2022, true);
    sources.set('tiers/x.ts', source);
    try {
      const found = importsOf('tiers/x.ts').map((edge) => `${edge.specifier} ${edge.names?.join(',') ?? '*'}`);
      expect(found).toEqual(['../rfm/a.js A,B', './d.js D']);
    } finally {
      sources.delete('tiers/x.ts');
    }
  });
});
