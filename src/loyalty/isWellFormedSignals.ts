import { ATTITUDE_ITEMS, CONTEXT_ITEMS } from './signalFields.js';

/**
 * A fast, conservative check of {@link LoyaltySignals}: `true` only for input that the zod
 * schema (signalsSchema.ts) also accepts. Anything unusual returns `false`, and the caller then
 * runs the schema, which gives the issues (or accepts it after all). This keeps validation of a
 * million customers cheap without a second source of truth for error messages; a property test
 * checks that it never accepts what the schema rejects.
 * @internal
 */
export function isWellFormedSignals(s: unknown): boolean {
  if (typeof s !== 'object' || s === null || Array.isArray(s)) return false;
  const o = s as Record<string, unknown>;
  for (const key in o) {
    if (key !== 'customerId' && key !== 'behaviour' && key !== 'attitude' && key !== 'context') return false;
  }
  const id = o['customerId'];
  if (id !== undefined && !(typeof id === 'string' ? id.length > 0 : isFiniteNumber(id))) return false;
  if (!behaviourOk(o['behaviour'])) return false;
  const a = o['attitude'];
  if (a !== undefined && !groupOk(a, ATTITUDE_KEYS, false)) return false;
  const c = o['context'];
  if (c !== undefined && !groupOk(c, CONTEXT_KEYS, true)) return false;
  return true;
}

const ATTITUDE_KEYS: ReadonlySet<string> = new Set(ATTITUDE_ITEMS);
const CONTEXT_KEYS: ReadonlySet<string> = new Set(CONTEXT_ITEMS);

function isFiniteNumber(x: unknown): x is number {
  return typeof x === 'number' && x - x === 0;
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Optional number in [lo, hi]; `null` allowed when `nullable`. */
function opt(x: unknown, lo: number, hi: number, nullable: boolean): boolean {
  if (x === undefined) return true;
  if (x === null) return nullable;
  return isFiniteNumber(x) && x >= lo && x <= hi;
}

function behaviourOk(b: unknown): boolean {
  if (!isPlainObject(b)) return false;
  for (const key in b) {
    switch (key) {
      case 'purchases':
      case 'tenureDays':
      case 'daysSinceLastPurchase':
      case 'meanGapDays':
      case 'recencyRatio':
      case 'gapCv':
      case 'spendTrend':
      case 'totalSpend':
      case 'promoShare':
      case 'discountDepth':
        break;
      default:
        return false;
    }
  }
  const p = b['purchases'];
  if (!(typeof p === 'number' && Number.isSafeInteger(p) && p >= 0)) return false;
  const mg = b['meanGapDays'];
  const ts = b['totalSpend'];
  return (
    opt(b['tenureDays'], 0, Infinity, false) &&
    opt(b['daysSinceLastPurchase'], 0, Infinity, false) &&
    (mg === undefined || mg === null || (isFiniteNumber(mg) && mg > 0)) &&
    opt(b['recencyRatio'], 0, Infinity, true) &&
    opt(b['gapCv'], 0, Infinity, true) &&
    opt(b['spendTrend'], -1, 1, true) &&
    (ts === undefined || isFiniteNumber(ts)) &&
    opt(b['promoShare'], 0, 1, false) &&
    opt(b['discountDepth'], 0, 1, false)
  );
}

function scaleOf(x: unknown): { min: number; max: number } | null {
  if (!isPlainObject(x)) return null;
  for (const key in x) if (key !== 'min' && key !== 'max') return null;
  const min = x['min'];
  const max = x['max'];
  return isFiniteNumber(min) && isFiniteNumber(max) && min < max ? { min, max } : null;
}

function groupOk(g: unknown, items: ReadonlySet<string>, isContext: boolean): boolean {
  if (!isPlainObject(g)) return false;
  let scale: { min: number; max: number } | null = null;
  if (g['scale'] !== undefined) {
    scale = scaleOf(g['scale']);
    if (!scale) return false;
  }
  for (const key in g) {
    const v = g[key];
    if (key === 'scale') continue;
    if (isContext && key === 'hasAlternatives') {
      if (v !== undefined && typeof v !== 'boolean') return false;
      continue;
    }
    if (!items.has(key)) return false;
    if (v === undefined) continue;
    if (typeof v === 'number') {
      if (!scale || !isFiniteNumber(v) || v < scale.min || v > scale.max) return false;
    } else {
      if (!isPlainObject(v)) return false;
      for (const k in v) if (k !== 'value' && k !== 'min' && k !== 'max') return false;
      const { value, min, max } = v as Record<string, unknown>;
      if (!isFiniteNumber(value) || !isFiniteNumber(min) || !isFiniteNumber(max) || !(min < max) || value < min || value > max) return false;
    }
  }
  return true;
}
