// Types of headless.mjs for the TypeScript tests.
export interface ExampleServer {
  readonly url: string;
  stop(): Promise<void>;
}
export interface ExamplePage {
  /** `data-state` of the body: 'loading', 'working', 'done' or 'error'. */
  readonly state: string | null;
  readonly status: string | null;
  readonly tiers: string | null;
  readonly error: string | null;
  /** Cell texts of each customer row. */
  readonly rows: string[][];
}
export function findChromium(): string | null;
export function startExampleServer(serveScript: string, cwd: string): Promise<ExampleServer>;
export function dumpDom(chromium: string, url: string, options?: { budgetMs?: number; timeoutMs?: number }): Promise<string>;
export function readExamplePage(html: string): ExamplePage;
export function bundleProblems(code: string): string[];
