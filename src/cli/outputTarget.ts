import { createWriteStream, renameSync, unlinkSync, type WriteStream } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Where a command writes its rows: stdout, or a file that appears only when the run succeeds. */
export interface OutputTarget {
  /** The stream to write to. */
  readonly out: NodeJS.WritableStream;
  /** The file written, or `null` for stdout. */
  readonly path: string | null;
  /**
   * Ends the output: for stdout, waits until everything written has been handed to the system;
   * for a file, closes the temporary file and renames it to the file's name.
   */
  finish(): Promise<void>;
}

/** Temporary files not yet renamed, removed when the process exits or is ended by a signal. */
const pending = new Set<string>();
let hooked = false;

function removePending(): void {
  for (const temp of pending) {
    try {
      unlinkSync(temp);
    } catch {
      // already gone
    }
  }
  pending.clear();
}

/**
 * Removes the temporary files at exit, and on SIGINT / SIGTERM / SIGHUP before the signal ends
 * the process as it would have (shell status 128 plus the signal's number).
 */
function hookExit(): void {
  if (hooked) return;
  hooked = true;
  process.once('exit', removePending);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      removePending();
      process.kill(process.pid, signal);
    });
  }
}

/**
 * The output of `--output FILE` (or stdout when `path` is absent or `-`). A file is written to a
 * temporary file in the same folder (`.<name>.<pid>.tmp`, so the rename cannot cross file
 * systems) and renamed to `path` only by {@link OutputTarget.finish}: a run that fails or is
 * killed before then leaves no file under that name (and removes the temporary one), never a
 * plausible partial file.
 */
export async function openOutput(path: string | undefined): Promise<OutputTarget> {
  if (path === undefined || path === '-') {
    const out = process.stdout;
    return { out, path: null, finish: () => new Promise<void>((resolve, reject) => out.write('', (e) => (e ? reject(e) : resolve()))) };
  }
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  hookExit();
  pending.add(temp);
  const stream: WriteStream = createWriteStream(temp, { flags: 'wx' });
  // A file that cannot be created or written (no such folder, no permission, a full disk): one
  // message and exit 3, as for stdout; the exit hook removes the temporary file.
  stream.on('error', (e: NodeJS.ErrnoException) => {
    process.stderr.write(`loyalty-score: cannot write ${path}: ${e.code ?? e.message}${e.code === 'ENOSPC' ? ' (no space left on the device)' : ''}\n`);
    process.exit(3);
  });
  await new Promise<void>((resolve) => stream.once('open', () => resolve()));
  return {
    out: stream,
    path,
    finish: () =>
      new Promise<void>((resolve, reject) => {
        stream.end(() => {
          try {
            renameSync(temp, path);
            pending.delete(temp);
            resolve();
          } catch (e) {
            reject(e);
          }
        });
      }),
  };
}

/** Writes `text` to `path` through {@link openOutput}: the file appears whole or not at all. */
export async function writeFileWhole(path: string, text: string): Promise<void> {
  const target = await openOutput(path);
  if (!target.out.write(text)) await new Promise<void>((r) => target.out.once('drain', () => r()));
  await target.finish();
}

/** The final stderr line of a run, after the last row: `wrote N customers` (and the file). */
export function wroteLine(count: number, what: string, target: OutputTarget): string {
  return `wrote ${count} ${what}${target.path === null ? '' : ` to ${target.path}`}\n`;
}
