import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** One ```ts block from an `@example` tag. */
export interface DocExample {
  file: string;
  /** 1-based line of the block's first code line. */
  line: number;
  /** The symbol documented: the name after the comment (function/class/const). */
  symbol: string;
  code: string;
  /** Names imported from 'loyalty-score'. */
  imports: string[];
  /** Names imported from a subpath, by subpath: `{ math: [...] }` for 'loyalty-score/math'. */
  subpathImports?: Record<string, string[]>;
}

// 'loyalty-score', 'loyalty-score/<subpath>', or a Node built-in ('node:os', for the Node-only subpaths' examples).
const IMPORT_LINE = /import\s*\{([^}]*)\}\s*from\s*'(?:loyalty-score(?:\/([a-z]+))?|(node:[a-z]+))';?/g;

/** Finds every @example code block in the TypeScript files under `root`. */
export function extractExamples(root: string): DocExample[] {
  const out: DocExample[] = [];
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const path = join(entry.parentPath, entry.name);
    const text = readFileSync(path, 'utf8');
    const comment = /\/\*\*([\s\S]*?)\*\/\s*(?:export\s+)?(?:declare\s+)?(?:async\s+)?(?:function\*?|class|const|let|interface|type|abstract\s+class)?\s*([A-Za-z0-9_$]*)/g;
    let m: RegExpExecArray | null;
    while ((m = comment.exec(text))) {
      const body = m[1]!;
      const at = body.indexOf('@example');
      if (at < 0) continue;
      const startLine = text.slice(0, m.index).split('\n').length;
      const lines = body.split('\n');
      let inBlock = false;
      let code: string[] = [];
      let blockLine = 0;
      let seenExample = false;
      lines.forEach((raw, i) => {
        const l = raw.replace(/^\s*\* ?/, '');
        if (l.includes('@example')) seenExample = true;
        if (!seenExample) return;
        if (!inBlock && /^```(ts|typescript)\s*$/.test(l.trim())) {
          inBlock = true;
          code = [];
          blockLine = startLine + i + 1;
        } else if (inBlock && l.trim() === '```') {
          inBlock = false;
          const src = code.join('\n');
          const imports: string[] = [];
          const subpathImports: Record<string, string[]> = {};
          for (const x of src.matchAll(IMPORT_LINE)) {
            const names = x[1]!.split(',').map((s) => s.replace(/^\s*type\s+/, '').trim()).filter(Boolean);
            const subpath = x[2] ?? x[3];
            if (subpath === undefined) imports.push(...names);
            else (subpathImports[subpath] ??= []).push(...names);
          }
          out.push({ file: relative(root, path), line: blockLine, symbol: m![2] ?? '', code: src, imports, subpathImports });
        } else if (inBlock) code.push(l);
      });
    }
  }
  return out;
}

/**
 * Turns an example into a function body: imports become destructuring of `lib` (and of
 * `__subpaths[name]` for 'loyalty-score/name'), and lines
 * `EXPR; // => VALUE` and `EXPR; // ~> NUMBER (TOL)` become assertions.
 */
export function instrument(example: DocExample): string {
  const body = example.code
    .replace(IMPORT_LINE, '')
    .split('\n')
    .map((line, i) => {
      const at = `${example.file}:${example.line + i}`;
      const eq = /^(\s*)(.*?);?\s*\/\/\s*=>\s*(.+)$/.exec(line);
      if (eq) return `${eq[1]}__eq((${eq[2]}), (${eq[3]}), ${JSON.stringify(at)});`;
      const close = /^(\s*)(.*?);?\s*\/\/\s*~>\s*([-+0-9.eE]+)\s*\(([-+0-9.eE]+)\)\s*$/.exec(line);
      if (close) return `${close[1]}__close((${close[2]}), ${close[3]}, ${close[4]}, ${JSON.stringify(at)});`;
      return line;
    })
    .join('\n');
  const subpaths = Object.entries(example.subpathImports ?? {}).map(([name, names]) => `const { ${names.join(', ')} } = __subpaths[${JSON.stringify(name)}];\n`);
  return `const { ${example.imports.join(', ')} } = lib;\n${subpaths.join('')}${body}`;
}
