import { describe, expect, it } from 'vitest';
import sources from '../../src/domain/lookup/response-code-sources.json' with { type: 'json' };
import { approvalOutcomes, responseCodes } from '../../src/domain/lookup/response-codes.ts';

interface SourceEntry {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  readonly sources: readonly string[];
  readonly spec_ref?: string;
  /** Why a code has no public address to cite (the UnionPay annex is not redistributable). */
  readonly no_public_url?: string;
  readonly note: string;
}

const entries = sources as readonly SourceEntry[];

describe('response-code sources', () => {
  it('keeps the reference wording and its sources for every code the app knows, approvals with advice included', () => {
    const known = [...responseCodes.map((entry) => entry.code), ...Object.keys(approvalOutcomes)];
    expect(entries.map((entry) => entry.code).sort()).toEqual(known.sort());
    for (const entry of entries) {
      expect(entry.zh && entry.en, entry.code).toBeTruthy();
      for (const url of entry.sources) expect(url, entry.code).toMatch(/^https?:\/\//);
      if (entry.sources.length > 0) continue;
      // A spec-only code names the annex and says why no public copy is cited (domain README §4).
      expect(entry.spec_ref, `${entry.code} has no public source, so it needs the annex`).toMatch(/Q\/CUP 006\.6-2015/);
      expect(entry.no_public_url?.trim(), `${entry.code} has no public source: say why in no_public_url`).toBeTruthy();
    }
  });

  it('cites the UnionPay annex for every code the annex defines', () => {
    const annex = new Set(responseCodes.filter((e) => e.status === 'unionpay-2015').map((e) => e.code));
    for (const entry of entries.filter((e) => annex.has(e.code))) {
      expect(entry.spec_ref, entry.code).toMatch(/Q\/CUP 006\.6-2015/);
    }
  });

  it('writes down what the sources disagree on for every code marked as disputed', () => {
    for (const entry of responseCodes.filter((code) => code.conflict)) {
      const reference = entries.find((e) => e.code === entry.code);
      expect(reference?.note, `${entry.code}: the disagreement belongs in response-code-sources.json`).toMatch(
        /CONFLICT/,
      );
    }
  });
});
