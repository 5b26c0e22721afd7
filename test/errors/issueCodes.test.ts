import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// Every code the library raises in an InputIssue must be declared in IssueCode, and every
// declared code must be raised somewhere: the union is the documented, closed list.
const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
}

/** The string literals an expression can evaluate to (literals, and both arms of `? :`). */
function literals(e: ts.Expression | undefined): string[] {
  if (e === undefined) return [];
  if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return [e.text];
  if (ts.isConditionalExpression(e)) return [...literals(e.whenTrue), ...literals(e.whenFalse)];
  if (ts.isParenthesizedExpression(e)) return literals(e.expression);
  return [];
}

const ISSUE_KEYS = new Set(['code', 'path', 'message', 'customerId', 'line', 'column']);

/** Codes raised in one file, with where. */
function raisedCodes(sf: ts.SourceFile): { code: string; at: string }[] {
  const out: { code: string; at: string }[] = [];
  const at = (n: ts.Node): string => `${relative(SRC, sf.fileName)}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
  // Functions of this file taking a parameter named `code`, and its position.
  const codeParam = new Map<string, number>();
  const noteParams = (name: string, params: ts.NodeArray<ts.ParameterDeclaration>): void => {
    const k = params.findIndex((p) => ts.isIdentifier(p.name) && p.name.text === 'code');
    if (k >= 0) codeParam.set(name, k);
  };
  const collectParams = (n: ts.Node): void => {
    if (ts.isFunctionDeclaration(n) && n.name) noteParams(n.name.text, n.parameters);
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer && (ts.isArrowFunction(n.initializer) || ts.isFunctionExpression(n.initializer))) {
      noteParams(n.name.text, n.initializer.parameters);
    }
    ts.forEachChild(n, collectParams);
  };
  collectParams(sf);
  const visit = (n: ts.Node): void => {
    if (ts.isObjectLiteralExpression(n)) {
      const names = n.properties.flatMap((p) => (ts.isSpreadAssignment(p) ? [] : p.name && ts.isIdentifier(p.name) ? [p.name.text] : ['?']));
      if (names.includes('code') && names.includes('path') && names.includes('message') && names.every((k) => ISSUE_KEYS.has(k))) {
        const prop = n.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === 'code');
        for (const code of literals(prop?.initializer)) out.push({ code, at: at(n) });
      }
    }
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(n.left) && n.left.text === 'code') {
      for (const code of literals(n.right)) out.push({ code, at: at(n) });
    }
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression)) {
      const name = n.expression.text;
      const k = name === 'invalidOption' ? 2 : codeParam.get(name);
      if (k !== undefined) for (const code of literals(n.arguments[k])) out.push({ code, at: at(n) });
    }
    if (ts.isParameter(n) && ts.isIdentifier(n.name) && n.name.text === 'code' && n.initializer) {
      for (const code of literals(n.initializer)) out.push({ code, at: at(n) });
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

function declaredCodes(): string[] {
  const sf = parse(join(SRC, 'errors/issues.ts'));
  let codes: string[] = [];
  sf.forEachChild((n) => {
    if (ts.isTypeAliasDeclaration(n) && n.name.text === 'IssueCode' && ts.isUnionTypeNode(n.type)) {
      codes = n.type.types.map((t) => (ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal) ? t.literal.text : `<not a literal: ${t.getText(sf)}>`));
    }
  });
  return codes;
}

describe('IssueCode', () => {
  const declared = declaredCodes();
  const raised = sourceFiles(SRC).flatMap((f) => raisedCodes(parse(f)));

  it('is a union of string literals, each documented in its doc comment', () => {
    expect(declared.length).toBeGreaterThan(20);
    expect(new Set(declared).size).toBe(declared.length);
    const doc = readFileSync(join(SRC, 'errors/issues.ts'), 'utf8');
    for (const code of declared) expect(doc, `no line documenting ${code}`).toContain(` * - \`${code}\`: `);
  });

  it('declares every code the library raises', () => {
    expect(raised.length).toBeGreaterThan(50);
    const undeclared = raised.filter((r) => !declared.includes(r.code)).map((r) => `${r.code} at ${r.at}`);
    expect(undeclared).toEqual([]);
  });

  it('raises every code it declares', () => {
    const used = new Set(raised.map((r) => r.code));
    expect(declared.filter((c) => !used.has(c))).toEqual([]);
  });

  it('is written in snake_case, one word per idea', () => {
    for (const code of declared) expect(code).toMatch(/^[a-z]+(_[a-zA-Z]+)*$/);
  });
});
