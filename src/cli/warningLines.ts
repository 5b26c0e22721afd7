import type { ScoreWarning } from '../pipeline/types.js';

/** Warnings as `warning: …` lines for stderr, each naming the model it is about. */
export function warningLines(warnings: readonly (Pick<ScoreWarning, 'message'> & { readonly model?: string })[]): string {
  let out = '';
  for (const w of warnings) out += `warning: ${w.model !== undefined ? `${w.model}: ` : ''}${w.message}\n`;
  return out;
}
