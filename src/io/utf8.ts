/*
 * UTF-8 through the platform's TextDecoder and TextEncoder, which every runtime the library
 * targets has (browsers, Node, Deno, Bun). The core compiles against the ES library only, so
 * the two globals are declared here with the little that is used.
 */

declare const TextDecoder: new (label: 'utf-8', options: { ignoreBOM: boolean }) => { decode(bytes: Uint8Array): string };
declare const TextEncoder: new () => { encode(text: string): Uint8Array };

let decoder: { decode(bytes: Uint8Array): string } | undefined;
let encoder: { encode(text: string): Uint8Array } | undefined;

/** UTF-8 bytes to text; invalid sequences become U+FFFD, a leading BOM is kept. @internal */
export function decodeUtf8(bytes: Uint8Array): string {
  return (decoder ??= new TextDecoder('utf-8', { ignoreBOM: true })).decode(bytes);
}

/** Text to UTF-8 bytes (a lone surrogate becomes U+FFFD). @internal */
export function encodeUtf8(text: string): Uint8Array {
  return (encoder ??= new TextEncoder()).encode(text);
}
