import { describe, expect, it } from 'vitest';
import sources from '../../src/domain/lookup/response-code-sources.json' with { type: 'json' };
import { responseCodes } from '../../src/domain/lookup/response-codes.ts';

describe('response-code sources', () => {
  it('keeps the reference wording and at least one source for every code the app knows', () => {
    expect(sources.map((entry) => entry.code).sort()).toEqual(responseCodes.map((entry) => entry.code).sort());
    for (const entry of sources) {
      expect(entry.zh && entry.en, entry.code).toBeTruthy();
      expect(entry.sources.length, entry.code).toBeGreaterThan(0);
      for (const url of entry.sources) expect(url, entry.code).toMatch(/^https?:\/\//);
    }
  });

  it('cites the UnionPay annex for every code the annex defines', () => {
    const annex = new Set(responseCodes.filter((e) => e.status === 'unionpay-2015').map((e) => e.code));
    for (const entry of sources.filter((e) => annex.has(e.code))) {
      expect((entry as { spec_ref?: string }).spec_ref, entry.code).toMatch(/Q\/CUP 006\.6-2015/);
    }
  });
});
