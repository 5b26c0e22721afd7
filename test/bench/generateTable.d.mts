import type { TransactionTable } from '../../src/transactions/types.js';

/** `n` transactions of `customers` customers over 2023-2024, in day order unless `shuffled`. */
export function generateTable(n: number, customers: number, options?: { seed?: number; shuffled?: boolean }): TransactionTable;
/** The same transactions as plain objects. */
export function generateRows(n: number, customers: number, seed?: number): { customerId: string; date: string; amount: number; cost: number }[];
/** The same transactions as CSV text with a header. */
export function generateCsv(n: number, customers: number, seed?: number): string;
