import { parseArgs } from 'node:util';

/** A usage error: bad flags or arguments (exit code 2). */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export type Flags = Record<string, string | boolean | undefined>;

/** Parses `argv` against the flag names, all taking a string value except `booleans`. */
export function parseFlags(argv: string[], strings: readonly string[], booleans: readonly string[]): { flags: Flags; positionals: string[] } {
  const options: Record<string, { type: 'string' | 'boolean' }> = {};
  for (const s of strings) options[s] = { type: 'string' };
  for (const b of booleans) options[b] = { type: 'boolean' };
  try {
    const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
    return { flags: values as Flags, positionals };
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

export function str(flags: Flags, name: string): string | undefined {
  const v = flags[name];
  return typeof v === 'string' ? v : undefined;
}

export function oneOf<T extends string>(flags: Flags, name: string, allowed: readonly T[], fallback: T): T {
  const v = str(flags, name);
  if (v === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(v)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got ${v})`);
  return v as T;
}

export function positiveInt(flags: Flags, name: string): number | undefined {
  const v = str(flags, name);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--${name} must be a whole number >= 0 (got ${v})`);
  return n;
}
