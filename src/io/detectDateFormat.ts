import { InvalidInputError } from '../errors/InvalidInputError.js';
import type { ZoneDays } from '../time/readDateText.js';
import { compileDayDecoder, fieldText, type DayDecoder } from './decodeField.js';

/**
 * The formats `dateFormat: 'auto'` chooses from, by the shape of the first date: ISO 8601
 * (`yyyy-MM-dd`, with an optional time and offset), `yyyy-MM-dd HH:mm:ss xx`, `yyyyMMdd`, epoch
 * seconds (`t`, 9 to 11 digits) and milliseconds (`T`, 12 or 13 digits), `d.M.yyyy`, and the
 * slash forms `M/d/yyyy` and `d/M/yyyy` (each with an optional `H:mm` or `H:mm:ss`), which only
 * a day above 12 tells apart.
 */
export const AUTO_DATE_FORMATS: readonly string[] = ['iso', 'yyyy-MM-dd HH:mm:ss xx', 'yyyyMMdd', 't', 'T', 'd.M.yyyy', 'M/d/yyyy H:mm', 'd/M/yyyy H:mm', 'M/d/yyyy', 'd/M/yyyy'];

const SHAPES: readonly (readonly [RegExp, readonly string[]])[] = [
  [/^\d{4}-\d{2}-\d{2}([Tt ]\d{2}(:\d{2}(:\d{2}(\.\d+)?)?)?(Z|z|[+-]\d{2}(:?\d{2})?)?)?$/, ['iso']],
  [/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} [+-]\d{4}$/, ['yyyy-MM-dd HH:mm:ss xx']],
  [/^\d{8}$/, ['yyyyMMdd']],
  [/^-?\d{9,11}$/, ['t']],
  [/^-?\d{12,13}$/, ['T']],
  [/^\d{1,2}\.\d{1,2}\.\d{4}$/, ['d.M.yyyy']],
  [/^\d{1,2}\/\d{1,2}\/\d{4} \d{1,2}:\d{2}$/, ['M/d/yyyy H:mm', 'd/M/yyyy H:mm']],
  [/^\d{1,2}\/\d{1,2}\/\d{4} \d{1,2}:\d{2}:\d{2}$/, ['M/d/yyyy H:mm:ss', 'd/M/yyyy H:mm:ss']],
  [/^\d{1,2}\/\d{1,2}\/\d{4}$/, ['M/d/yyyy', 'd/M/yyyy']],
];

/**
 * The date reader of `dateFormat: 'auto'`: the first date's shape picks the format (or the two
 * slash orders); while both `M/d` and `d/M` read every date so far, the rows whose day depends
 * on the order are remembered, with the other order's day, and fixed when a later date decides.
 * @internal
 */
export class AutoDayDecoder {
  /** The chosen format, once known. */
  format: string | null = null;
  private candidates: { format: string; decode: DayDecoder }[] = [];
  /** The line that decided, for the note. */
  decidedAt = 0;
  /** Rows read under the first order whose day differs under the second: row index, other day. */
  private readonly pending: number[] = [];
  private firstAmbiguous: number | null = null;

  constructor(private readonly zone: ZoneDays | null) {}

  /** The day of the date `bytes[s, e)`, or NaN; `line` for messages. Call {@link rowKept} when the row was appended. */
  decode(bytes: Uint8Array, s: number, e: number, line: number): number {
    if (this.candidates.length === 0) {
      const text = fieldText(bytes, s, e);
      const shape = SHAPES.find(([re]) => re.test(text));
      if (!shape) {
        throw new InvalidInputError([
          { code: 'invalid_date', path: ['options', 'dateFormat'], line, message: `the date format cannot be detected from line ${line} (expected one of ${AUTO_DATE_FORMATS.join(', ')}; name it with the dateFormat option, --date-format on the command line)` },
        ]);
      }
      this.candidates = shape[1].map((format) => ({ format, decode: compileDayDecoder(format, this.zone) }));
      if (this.candidates.length === 1) {
        this.format = shape[1][0]!;
        this.decidedAt = line;
      }
    }
    const first = this.candidates[0]!.decode(bytes, s, e);
    this.other = Number.NaN;
    if (this.candidates.length === 1) return first;
    const second = this.candidates[1]!.decode(bytes, s, e);
    if (first !== first && second === second) {
      this.choose(1, line);
      return second;
    }
    if (second !== second && first === first) {
      this.choose(0, line);
      return first;
    }
    if (first !== second) {
      this.other = second;
      this.firstAmbiguous ??= line;
    }
    return first;
  }

  private other = Number.NaN;
  /** Rows to re-date when the second order wins: set by {@link choose}. */
  private fix: ((row: number, day: number) => void) | null = null;

  /** Registers how to re-date a row. */
  onFix(fix: (row: number, day: number) => void): void {
    this.fix = fix;
  }

  /** No row read so far waits for a re-dating (its day is the same under every order still possible). */
  get settled(): boolean {
    return this.pending.length === 0;
  }

  /** The row just decoded was appended at `row`. */
  rowKept(row: number): void {
    if (this.other === this.other) this.pending.push(row, this.other);
  }

  private choose(k: number, line: number): void {
    this.format = this.candidates[k]!.format;
    this.decidedAt = line;
    if (k === 1) for (let i = 0; i < this.pending.length; i += 2) this.fix!(this.pending[i]!, this.pending[i + 1]!);
    this.pending.length = 0;
    this.candidates = [this.candidates[k]!];
  }

  /** At the end: the chosen format, or an error when the slash order was never decided though it mattered. */
  finish(): string | null {
    if (this.candidates.length === 2) {
      if (this.firstAmbiguous !== null) {
        const [a, b] = this.candidates.map((c) => c.format);
        throw new InvalidInputError([
          {
            code: 'invalid_date',
            path: ['options', 'dateFormat'],
            line: this.firstAmbiguous,
            message: `ambiguous date format: the dates (from line ${this.firstAmbiguous}) read as ${a} and as ${b}, and no day above 12 tells them apart (expected the format named with the dateFormat option, --date-format on the command line)`,
          },
        ]);
      }
      this.format = this.candidates[0]!.format;
    }
    return this.format;
  }
}
