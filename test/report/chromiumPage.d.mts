// Types of chromiumPage.mjs for the TypeScript tests.
export interface PageEvents {
  readonly consoleErrors: string[];
  readonly blocked: string[];
  readonly requests: string[];
}
export interface BrowserPage {
  readonly events: PageEvents;
  load(path: string): Promise<void>;
  evaluate(expression: string): Promise<unknown>;
  emulate(options?: { colorScheme?: 'light' | 'dark'; media?: 'screen' | 'print' }): Promise<void>;
  screenshot(clip: { x: number; y: number; width: number; height: number }): Promise<Buffer>;
  printToPdf(): Promise<Buffer>;
  close(): Promise<void>;
}
export function openBrowser(chromium: string, options?: { width?: number; height?: number }): Promise<BrowserPage>;
export const LAYOUT_CHECK: string;
export const READ_TABLES: string;
export const READ_LAYOUT: string;
