/*
 * UTF-8 through the platform's TextDecoder and TextEncoder, which every runtime the library
 * targets has (browsers, Node, Deno, Bun). The core compiles against the ES library only, so
 * the two globals are declared here with the little that is used.
 */

declare const TextDecoder: new (label: string, options?: { fatal?: boolean; ignoreBOM?: boolean }) => { decode(bytes?: Uint8Array, options?: { stream: boolean }): string };
declare const TextEncoder: new () => { encode(text: string): Uint8Array };

let decoder: { decode(bytes?: Uint8Array): string } | undefined;
let encoder: { encode(text: string): Uint8Array } | undefined;

/** UTF-8 bytes to text; invalid sequences become U+FFFD, a leading BOM is kept. @internal */
export function decodeUtf8(bytes: Uint8Array): string {
  return (decoder ??= new TextDecoder('utf-8', { ignoreBOM: true })).decode(bytes);
}

/** Text to UTF-8 bytes (a lone surrogate becomes U+FFFD). @internal */
export function encodeUtf8(text: string): Uint8Array {
  return (encoder ??= new TextEncoder()).encode(text);
}

/** A text encoding the readers accept for byte input. */
export type TextEncoding = 'utf-8' | 'latin1' | 'windows-1252' | 'utf-16le';

const ENCODINGS: Readonly<Record<string, string>> = { 'utf-8': 'utf-8', utf8: 'utf-8', latin1: 'windows-1252', 'iso-8859-1': 'windows-1252', 'windows-1252': 'windows-1252', cp1252: 'windows-1252', 'utf-16le': 'utf-16le', utf16le: 'utf-16le' };

/**
 * Byte chunks of a declared encoding in, UTF-8 bytes out, for the line splitter: UTF-8 is passed
 * on as it is; other encodings are decoded and re-encoded. A byte-order mark at the start (UTF-8, UTF-16 LE or BE) decides the encoding.
 * @internal
 */
export class TextTranscoder {
  private decoder: { decode(bytes?: Uint8Array, options?: { stream: boolean }): string } | null = null;
  private label: string;
  /** The encoding read, once the first bytes are seen (a BOM may change the declared one). */
  get encoding(): string {
    return this.label;
  }

  constructor(encoding: string, private readonly onBom: (label: string) => void = () => {}) {
    const label = ENCODINGS[encoding.toLowerCase()];
    if (label === undefined) throw new RangeError(encoding);
    this.label = label;
  }

  /** The UTF-8 bytes of the next chunk. */
  push(chunk: Uint8Array): Uint8Array {
    if (this.decoder === null) {
      if (chunk[0] === 0xff && chunk[1] === 0xfe) this.bom('utf-16le');
      else if (chunk[0] === 0xfe && chunk[1] === 0xff) this.bom('utf-16be');
      else if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf && this.label !== 'utf-8') this.bom('utf-8');
      this.decoder = new TextDecoder(this.label, { ignoreBOM: false });
    }
    // UTF-8 goes on as it is: the reader checks the fields it decodes (ids, order ids, the
    // header), which costs nothing on ASCII, where a whole-chunk check costs a tenth of the read.
    if (this.label === 'utf-8') return chunk;
    return encodeUtf8(this.decoder.decode(chunk, { stream: true }));
  }

  /** The bytes of a character left incomplete at the end of a non-UTF-8 input. */
  end(): Uint8Array {
    if (this.decoder === null || this.label === 'utf-8') return new Uint8Array(0);
    return encodeUtf8(this.decoder.decode());
  }

  private bom(label: string): void {
    this.label = label;
    this.onBom(label);
  }
}

/**
 * Index of the first byte of `bytes[start, end)` that starts an invalid UTF-8 sequence (an
 * unfinished one at the end included), or `end` when all of it is UTF-8.
 * @internal
 */
export function firstInvalidUtf8(bytes: Uint8Array, start = 0, end = bytes.length): number {
  for (let i = start; i < end; ) {
    const b = bytes[i]!;
    const n = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (n === 0) return i;
    if (i + n > end) return i;
    for (let k = 1; k < n; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    if (n === 3 && ((b === 0xe0 && bytes[i + 1]! < 0xa0) || (b === 0xed && bytes[i + 1]! >= 0xa0))) return i;
    if (n === 4 && ((b === 0xf0 && bytes[i + 1]! < 0x90) || (b === 0xf4 && bytes[i + 1]! >= 0x90))) return i;
    i += n;
  }
  return end;
}
