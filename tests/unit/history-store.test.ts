import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { buildCaseSummary, type CaseSummary } from '../../src/domain/case/case-summary.ts';
import { currentStep, diagnosisMachine } from '../../src/domain/diagnosis/diagnosis.machine.ts';
import { onScreen, type Scripted } from '../support/replay.ts';
import { luhnValid } from '../../src/domain/case/redact.ts';
import { diagnosisKey, loadDiagnosis, saveDiagnosis } from '../../src/persistence/diagnosis-store.ts';
import { createHistoryStore, historyKey, historyLimit, historySchema } from '../../src/persistence/history-store.ts';
import { mapStorage, throwingStorage } from '../support/storage.ts';

const answer = (id: string) => ({ type: `answer.${id}` }) as Scripted;
const start = Date.UTC(2026, 10, 25, 9, 0);
const minutes = (n: number) => start + n * 60_000;

/** A diagnosis run on the real machine: fixed at the network step, or escalated to the acquirer. */
function diagnosis(fixed: boolean) {
  const actor = createActor(diagnosisMachine).start();
  const events = [
    { type: 'diagnosis.start' },
    answer('declined'),
    answer('all'),
    answer('problem'),
  ] as Scripted[];
  for (const event of [...events, ...(fixed ? [answer('fixed')] : [answer('notFixed'), answer('yes')])]) {
    actor.send(onScreen(actor, event));
  }
  return actor;
}

function summary(n: number, { fixed = true, fields = {} }: { fixed?: boolean; fields?: Record<string, string> } = {}) {
  const snapshot = diagnosis(fixed).getSnapshot();
  return buildCaseSummary({
    context: snapshot.context,
    currentStep: currentStep(snapshot),
    startedAt: minutes(n),
    endedAt: minutes(n) + 30_000,
    fields,
    appVersion: '0.1.0',
    contentVersion: 'c1',
  });
}

/**
 * Independent oracle: digits joined by single spaces or dashes, every 13–19 digit window checked.
 * Stricter than the product's rule, so nothing that looks like a card number can hide from it.
 */
function holdsCardNumber(text: string): boolean {
  for (const run of text.normalize('NFKC').match(/\d(?:[ -]?\d)*/g) ?? []) {
    const digits = run.replace(/\D/g, '');
    for (let s = 0; s < digits.length; s += 1) {
      for (let n = 13; n <= 19 && s + n <= digits.length; n += 1) {
        if (luhnValid(digits.slice(s, s + n))) return true;
      }
    }
  }
  return false;
}

describe('the history of finished diagnoses', () => {
  it('adds newest first and reads an entry back by id', () => {
    const { storage } = mapStorage();
    const history = createHistoryStore(storage);
    const first = history.add(summary(1));
    const second = history.add(summary(2, { fixed: false }));
    expect(first?.resolved).toBe(true);
    expect(second?.resolved).toBe(false);
    expect(history.list().map((entry) => entry.id)).toEqual([second?.id, first?.id]);
    expect(history.get(first?.id ?? '')).toEqual(first);
    expect(history.get('nope')).toBeNull();
    expect(second).toMatchObject({
      startedAt: new Date(minutes(2)).toISOString(),
      endedAt: new Date(minutes(2) + 30_000).toISOString(),
      summary: summary(2, { fixed: false }),
    });
  });

  it('lets the caller say whether it was resolved, and when it ended', () => {
    const history = createHistoryStore(mapStorage().storage);
    const ended = new Date(minutes(9));
    const entry = history.add(summary(1, { fixed: false }), { resolved: true, endedAt: ended });
    expect(entry).toMatchObject({ resolved: true, endedAt: ended.toISOString() });
  });

  it('uses now as the end time when the summary has none', () => {
    const history = createHistoryStore(mapStorage().storage, { now: () => new Date(minutes(42)) });
    const entry = history.add({ ...summary(1), endedAt: null });
    expect(entry?.endedAt).toBe(new Date(minutes(42)).toISOString());
  });

  it(`keeps only the last ${historyLimit}`, () => {
    const history = createHistoryStore(mapStorage().storage);
    const ids: string[] = [];
    for (let n = 0; n < historyLimit + 5; n += 1) ids.push(history.add(summary(n))?.id ?? '');
    const kept = history.list();
    expect(kept).toHaveLength(historyLimit);
    expect(kept.map((entry) => entry.id)).toEqual(ids.slice(5).reverse());
  });

  it('gives entries that ended at the same moment different ids', () => {
    const history = createHistoryStore(mapStorage().storage);
    const a = history.add(summary(1));
    const b = history.add(summary(1));
    expect(a?.id).not.toBe(b?.id);
    expect(history.list()).toHaveLength(2);
  });

  it('removes one entry, and clears them all', () => {
    const { storage, data } = mapStorage();
    const history = createHistoryStore(storage);
    const a = history.add(summary(1));
    const b = history.add(summary(2));
    expect(history.remove(a?.id ?? '')).toBe(true);
    expect(history.list().map((entry) => entry.id)).toEqual([b?.id]);
    expect(history.remove('not-there')).toBe(true);
    expect(history.clear()).toBe(true);
    expect(history.list()).toEqual([]);
    expect(data.has(historyKey)).toBe(false);
  });
});

describe('starting the history again when it cannot be read', () => {
  const cases: Array<[string, string, string]> = [
    ['bad JSON', '[{"id":', 'corrupt'],
    ['not an envelope', '"hello"', 'corrupt'],
    ['entries that are not a list', JSON.stringify({ schema: historySchema, entries: {} }), 'corrupt'],
    ['an older schema', JSON.stringify({ schema: historySchema - 1, entries: [] }), 'schema'],
    ['a list from before the envelope', JSON.stringify([]), 'corrupt'],
    ['huge data', JSON.stringify({ schema: historySchema, entries: [], pad: 'x'.repeat(1_100_000) }), 'tooLarge'],
  ];

  it.each(cases)('resets %s and says so', (_, raw, reason) => {
    const { storage, data } = mapStorage({ [historyKey]: raw });
    const history = createHistoryStore(storage);
    expect(history.load()).toEqual({ status: 'reset', reason, entries: [] });
    expect(data.has(historyKey)).toBe(false);
    expect(history.load()).toEqual({ status: 'ok', entries: [], dropped: 0 });
  });

  it('drops only the entries it cannot read, and saves the rest', () => {
    const { storage, data } = mapStorage();
    const history = createHistoryStore(storage);
    const kept = history.add(summary(1));
    const envelope = JSON.parse(data.get(historyKey) ?? '') as { entries: Array<Record<string, unknown>> };
    const good = envelope.entries[0] ?? {};
    const removedStep = { ...good, id: 'h-old', summary: { ...(good.summary as object), currentStep: 'gate.gone' } };
    const withCard = { ...good, id: 'h-card', summary: '6222 0212 3456 7894' };
    data.set(historyKey, JSON.stringify({ schema: historySchema, entries: [good, removedStep, withCard, good, 42] }));

    expect(history.load()).toEqual({ status: 'ok', entries: [kept], dropped: 4 });
    expect(JSON.parse(data.get(historyKey) ?? '')).toEqual({ schema: historySchema, entries: [good] });
  });

  it('never throws when every storage call throws', () => {
    const history = createHistoryStore(throwingStorage);
    expect(history.load()).toEqual({ status: 'unavailable', entries: [] });
    expect(history.list()).toEqual([]);
    expect(history.get('x')).toBeNull();
    expect(history.add(summary(1))).toBeNull();
    expect(history.remove('x')).toBe(false);
    expect(history.clear()).toBe(false);
  });

  it('treats missing storage like unavailable storage', () => {
    const history = createHistoryStore(null);
    expect(history.load().status).toBe('unavailable');
    expect(history.add(summary(1))).toBeNull();
    expect(history.clear()).toBe(false);
  });

  it('reports a full storage on add and keeps what was there', () => {
    const { storage, data } = mapStorage();
    createHistoryStore(storage).add(summary(1));
    const before = data.get(historyKey);
    const full = createHistoryStore({
      ...storage,
      setItem: () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
    });
    expect(full.add(summary(2))).toBeNull();
    expect(data.get(historyKey)).toBe(before);
    expect(full.list()).toHaveLength(1);
  });
});

describe('card numbers never reach storage', () => {
  const card = '6222 0212 3456 7894';

  it('holds no card number anywhere after a diagnosis and a summary where the merchant typed one', () => {
    const { storage, data } = mapStorage();
    const actor = diagnosis(false);
    expect(saveDiagnosis(storage, actor.getPersistedSnapshot(), 'c1')).toBe(true);

    const typed = {
      merchantId: card,
      terminalId: '12345678',
      amount: '88',
      cardLast4: card.replaceAll(' ', ''),
      reference: `６２２２-０２１２-３４５６-７８９４`,
    };
    const entry = createHistoryStore(storage).add(summary(1, { fixed: false, fields: typed }));
    expect(entry?.summary.fields).toEqual({});

    expect([...data.keys()].sort()).toEqual([diagnosisKey, historyKey].sort());
    for (const [key, value] of data) {
      expect(holdsCardNumber(value), key).toBe(false);
      expect(value, key).not.toContain('7894');
    }
    expect(loadDiagnosis(storage, { contentVersion: 'c1' }).status).toBe('ok');
  });

  it('never keeps the case fields: they are for sharing now, and a 商户号 may pass the Luhn check', () => {
    const { storage, data } = mapStorage();
    const history = createHistoryStore(storage);
    const fields = { merchantId: '898906828836075', terminalId: '12345678', amount: '88', cardLast4: '7894' };
    const withFields = summary(1, { fields });
    expect(withFields.fields.merchantId).toBe('898906828836075');
    const entry = history.add(withFields);
    expect(entry?.summary).toEqual({ ...withFields, fields: {} });
    const stored = data.get(historyKey) ?? '';
    for (const value of ['898906828836075', '12345678', '7894']) expect(stored).not.toContain(value);
    expect(holdsCardNumber(stored)).toBe(false);

    // Fields stored by an older build are dropped when read.
    const envelope = JSON.parse(stored) as { entries: Array<{ summary: { fields: object } }> };
    envelope.entries[0]!.summary.fields = { terminalId: '12345678' };
    data.set(historyKey, JSON.stringify(envelope));
    expect(history.list()[0]?.summary.fields).toEqual({});
  });

  it('redacts a card-like version string rather than storing it', () => {
    const { storage, data } = mapStorage();
    const leaky: CaseSummary = { ...summary(1), appVersion: card };
    const entry = createHistoryStore(storage).add(leaky);
    expect(entry?.summary.appVersion).toBe('••••');
    expect(holdsCardNumber(data.get(historyKey) ?? '')).toBe(false);
  });
});
