/**
 * The order ids of a table being built, interned in first-seen order, with the customer, day and
 * caller position of each one's first row (so the one-customer-one-day rule costs one map lookup
 * per row and no memory per row).
 * @internal
 */
export class OrderIdRegistry {
  /** Distinct order ids in first-seen order (index = the table's order column value). */
  readonly ids: (string | number)[] = [];
  private readonly index = new Map<string | number, number>();
  private customer = new Int32Array(64);
  private day = new Int32Array(64);
  private at = new Float64Array(64);

  /** The index of `orderId`, or -1 when it has not been seen. */
  find(orderId: string | number): number {
    return this.index.get(orderId) ?? -1;
  }

  /** Registers a new order id first seen for customer `c` on `day` at caller position `at`; returns its index. */
  add(orderId: string | number, c: number, day: number, at: number): number {
    const o = this.ids.length;
    if (o === this.customer.length) this.grow();
    this.customer[o] = c;
    this.day[o] = day;
    this.at[o] = at;
    this.ids.push(orderId);
    this.index.set(orderId, o);
    return o;
  }

  /** Whether order `o` was first seen for customer `c` on `day`. */
  matches(o: number, c: number, day: number): boolean {
    return this.customer[o] === c && this.day[o] === day;
  }

  /** The customer of order `o`'s first row. */
  customerOf(o: number): number {
    return this.customer[o]!;
  }

  /** The caller position of order `o`'s first row. */
  firstAt(o: number): number {
    return this.at[o]!;
  }

  private grow(): void {
    const cap = this.customer.length * 2;
    const customer = new Int32Array(cap);
    customer.set(this.customer);
    this.customer = customer;
    const day = new Int32Array(cap);
    day.set(this.day);
    this.day = day;
    const at = new Float64Array(cap);
    at.set(this.at);
    this.at = at;
  }
}
