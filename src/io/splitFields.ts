/** A field delimiter: a character, or `'whitespace'` for runs of spaces and tabs (CDNOW's files). */
export type Delimiter = ',' | '\t' | ';' | '|' | 'whitespace';

/**
 * Splits one line into fields. With a character delimiter, fields may be wrapped in double
 * quotes (`"a, b"`, `""` for a quote inside); quoted fields cannot span lines. With
 * `'whitespace'`, leading and trailing blanks are ignored and runs of blanks separate fields.
 * @internal
 */
export function splitFields(line: string, delimiter: Delimiter): string[] {
  if (delimiter === 'whitespace') {
    const t = line.trim();
    return t.length === 0 ? [] : t.split(/[ \t]+/);
  }
  if (line.indexOf('"') < 0) return line.split(delimiter);
  const out: string[] = [];
  let i = 0;
  const n = line.length;
  for (;;) {
    if (line.charCodeAt(i) === 34) {
      let value = '';
      let j = i + 1;
      for (;;) {
        const q = line.indexOf('"', j);
        if (q < 0) {
          value += line.slice(j);
          j = n;
          break;
        }
        value += line.slice(j, q);
        if (line.charCodeAt(q + 1) === 34) {
          value += '"';
          j = q + 2;
        } else {
          j = q + 1;
          break;
        }
      }
      out.push(value);
      const next = line.indexOf(delimiter, j);
      if (next < 0) return out;
      i = next + 1;
    } else {
      const next = line.indexOf(delimiter, i);
      if (next < 0) {
        out.push(line.slice(i));
        return out;
      }
      out.push(line.slice(i, next));
      i = next + 1;
    }
  }
}

/** Guesses the delimiter of a header or first data line: tab, comma, semicolon, pipe, else whitespace. @internal */
export function detectDelimiter(line: string): Delimiter {
  if (line.includes('\t')) return '\t';
  if (line.includes(',')) return ',';
  if (line.includes(';')) return ';';
  if (line.includes('|')) return '|';
  return 'whitespace';
}
