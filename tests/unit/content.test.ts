import { describe, expect, it } from 'vitest';
import { answersOf } from '../../src/domain/diagnosis.machine.ts';
import { stepIds, stepInfo } from '../../src/domain/steps.ts';
import { languages } from '../../src/i18n/languages.ts';
import { namespaces } from '../../src/i18n/resources.ts';
import { contentByLocale, lookup } from '../support/content.ts';

/** Every leaf of a content tree as [dotted key, value]; array items are keyed by index. */
function leaves(node: unknown, prefix = ''): Array<[string, unknown]> {
  if (node !== null && typeof node === 'object') {
    return Object.entries(node).flatMap(([key, value]) => leaves(value, prefix ? `${prefix}.${key}` : key));
  }
  return [[prefix, node]];
}

const variables = (value: unknown) => [...String(value).matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('content', () => {
  it('has every namespace in every language', () => {
    for (const language of languages) {
      expect(Object.keys(contentByLocale[language] ?? {}).sort(), language).toEqual([...namespaces].sort());
    }
  });

  for (const namespace of namespaces) {
    it(`${namespace}: en has exactly the keys of zh-CN, with the same interpolation variables`, () => {
      const source = new Map(leaves(contentByLocale['zh-CN']?.[namespace]));
      for (const language of languages) {
        const target = new Map(leaves(contentByLocale[language]?.[namespace]));
        expect([...target.keys()].sort(), `${language}/${namespace}.json`).toEqual([...source.keys()].sort());
        for (const [key, value] of target) {
          expect(variables(value), `${language}/${namespace}.json ${key}`).toEqual(variables(source.get(key)));
        }
      }
    });

    it(`${namespace}: no empty strings`, () => {
      for (const language of languages) {
        for (const [key, value] of leaves(contentByLocale[language]?.[namespace])) {
          expect(typeof value === 'string' && value.trim().length > 0, `${language}/${namespace}.json ${key}`).toBe(
            true,
          );
        }
      }
    });
  }

  it('gives every step the texts its kind needs, and a label for each answer the machine offers', () => {
    const required = {
      question: ['title', 'prompt', 'script.say', 'script.listen'],
      remedy: ['title', 'steps', 'check', 'script.say', 'script.listen'],
      outcome: [
        'title',
        'summary',
        'remedy',
        'escalation.who',
        'escalation.when',
        'escalation.text',
        'script.say',
        'script.listen',
      ],
      code: ['title', 'prompt', 'script.say', 'script.listen'],
    } as const;
    for (const language of languages) {
      const steps = contentByLocale[language]?.steps;
      for (const step of stepIds) {
        const content = lookup(steps, step);
        for (const key of required[stepInfo(step).kind]) {
          expect(lookup(content, key), `${language}/steps.json ${step}.${key}`).toBeTruthy();
        }
        const options = lookup(content, 'options') as Record<string, string> | undefined;
        expect(Object.keys(options ?? {}), `${language}/steps.json ${step}.options`).toEqual(answersOf(step));
      }
    }
  });

  it('gives every outcome a remedy and an escalation', () => {
    for (const language of languages) {
      for (const step of stepIds.filter((id) => stepInfo(id).kind === 'outcome')) {
        const content = lookup(contentByLocale[language]?.steps, step);
        expect((lookup(content, 'remedy') as unknown[]).length, `${language} ${step}`).toBeGreaterThan(0);
        expect(lookup(content, 'escalation.text'), `${language} ${step}`).toBeTruthy();
      }
    }
  });

  it('has no step content without a step', () => {
    const steps = contentByLocale['zh-CN']?.steps ?? {};
    const written = Object.entries(steps).flatMap(([branch, leafs]) =>
      Object.keys(leafs as object).map((leaf) => `${branch}.${leaf}`),
    );
    expect(written.sort()).toEqual([...stepIds].sort());
  });
});
