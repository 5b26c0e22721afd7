import { InvalidInputError } from '../errors/InvalidInputError.js';
import { customerOf, type InputIssue } from '../errors/issues.js';
import type { CustomerId } from '../transactions/types.js';
import type { CustomerSummary } from './types.js';

/**
 * Customer summaries as scoring and tiering functions accept them: a plain array, or any object
 * with a `customers` array (such as the result of `summarizeCustomers`).
 */
export type SummaryInput = readonly CustomerSummary[] | { readonly customers: readonly CustomerSummary[] };

/**
 * The summaries of a {@link SummaryInput}, after checking that it is one and that every customer
 * id is a non-empty string or a finite number and appears once. Shared with the areas that read
 * summaries (RFM, tiers); not part of the package's API. Issues carry the customer's id only when
 * `reveal` is true (the caller's `revealValues`).
 */
export function summaryList(input: SummaryInput, reveal: boolean): readonly CustomerSummary[] {
  const list: unknown = Array.isArray(input)
    ? input
    : input !== null && typeof input === 'object'
      ? (input as { customers?: unknown }).customers
      : undefined;
  if (!Array.isArray(list)) {
    throw new InvalidInputError([
      {
        code: 'invalid_type',
        path: ['summaries'],
        message: 'expected an array of customer summaries or an object with a `customers` array',
      },
    ]);
  }
  const summaries = list as readonly CustomerSummary[];
  const seen = new IdSet(summaries.length);
  for (let i = 0; i < summaries.length; i++) {
    const s = summaries[i];
    if (s === null || typeof s !== 'object') {
      throw new InvalidInputError([{ code: 'invalid_type', path: [i], message: 'expected a customer summary object' }]);
    }
    const id: unknown = s.customerId;
    if (!(typeof id === 'string' ? id.length > 0 : typeof id === 'number' && Number.isFinite(id))) {
      throw new InvalidInputError([
        { code: 'invalid_customer_id', path: [i, 'customerId'], message: 'expected a non-empty string or a finite number' },
      ]);
    }
    if (!seen.add(s.customerId)) {
      throw new InvalidInputError([
        {
          code: 'duplicate_customer',
          path: [i, 'customerId'],
          ...customerOf(s.customerId, reveal),
          message: 'appears more than once (expected one summary per customer)',
        },
      ]);
    }
  }
  return summaries;
}

/**
 * A set of customer ids that remembers small non-negative integer ids in a bitmap (the common
 * case, and much faster than a hash set for a million ids) and all others in a `Set`.
 */
class IdSet {
  private readonly bits: Uint8Array;
  private readonly limit: number;
  private readonly others = new Set<CustomerId>();

  constructor(n: number) {
    this.limit = 8 * (8 * n + 1024);
    this.bits = new Uint8Array(this.limit / 8);
  }

  /** Adds an id; returns false when it was already there. */
  add(id: CustomerId): boolean {
    if (typeof id === 'number' && Number.isInteger(id) && id >= 0 && id < this.limit) {
      const byte = id >>> 3;
      const mask = 1 << (id & 7);
      const b = this.bits[byte] as number;
      if (b & mask) return false;
      this.bits[byte] = b | mask;
      return true;
    }
    if (this.others.has(id)) return false;
    this.others.add(id);
    return true;
  }
}

/**
 * An issue for a summary field that is not a finite number, with the customer's id only when
 * `reveal` is true. Shared with the areas that read summaries; not part of the package's API.
 */
export function notFiniteIssue(index: number, customerId: CustomerId, field: string, reveal: boolean): InputIssue {
  return {
    code: 'not_finite',
    path: [index, field],
    ...customerOf(customerId, reveal),
    message: 'expected a finite number',
  };
}
