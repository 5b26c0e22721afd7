import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors/InvalidInputError.js';
import { tierPlaybook } from '../../src/tiers/tierPlaybook.js';

describe('tierPlaybook', () => {
  it('runs the doc example', () => {
    expect(tierPlaybook('D').motto).toBe('Activate or archive.');
    expect(tierPlaybook('A', { locale: 'zh-CN' }).name).toBe('VIP客户');
  });

  it('has every tier in both languages, with the same number of actions', () => {
    for (const tier of ['A', 'B', 'C', 'D'] as const) {
      const en = tierPlaybook(tier);
      const zh = tierPlaybook(tier, { locale: 'zh-CN' });
      expect(en.locale).toBe('en');
      expect(zh.tier).toBe(tier);
      expect(en.actions.length).toBeGreaterThan(0);
      expect(zh.actions).toHaveLength(en.actions.length);
      for (const text of [zh.name, zh.definition, zh.profile, zh.motto, ...zh.actions]) expect(text).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it("carries the course's key points", () => {
    expect(tierPlaybook('A').actions.join(' ')).toMatch(/complaints first/);
    expect(tierPlaybook('C').actions.join(' ')).toMatch(/tomorrow's stars/);
    expect(tierPlaybook('C', { locale: 'zh-CN' }).actions.join('')).toMatch(/明日之星/);
    expect(tierPlaybook('D', { locale: 'zh-CN' }).motto).toBe('活化或存档。');
    expect(tierPlaybook('B', { locale: 'zh-CN' }).definition).toMatch(/前5%/);
  });

  it('returns a copy that callers may change', () => {
    const p = tierPlaybook('A');
    (p.actions as string[]).push('x');
    expect(tierPlaybook('A').actions).not.toContain('x');
  });

  it('rejects unknown tiers and locales', () => {
    expect(() => tierPlaybook('E' as never)).toThrow(InvalidInputError);
    expect(() => tierPlaybook('A', { locale: 'fr' as never })).toThrow(InvalidInputError);
  });
});
