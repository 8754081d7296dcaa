import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { buildCaseSummary, type CaseSummary } from '../../src/domain/case/case-summary.ts';
import { currentStep, getDiagnosisMachine } from '../../src/domain/diagnosis/diagnosis.machine.ts';
import { onScreen, type Scripted } from '../support/replay.ts';
import { luhnValid } from '../../src/domain/case/redact.ts';
import { diagnosisKeyOf, listDiagnoses, saveDiagnosis } from '../../src/persistence/diagnosis-store.ts';
import {
  createHistoryStore as createStore,
  historyLimit,
  historyPrefix,
  historySchema,
  migrateLegacyHistory,
} from '../../src/persistence/history-store.ts';
import { createRecordStorage, memoryRecords, type RecordStorage } from '../../src/persistence/records.ts';
import { mapStorage as webStorage } from '../support/storage.ts';

const diagnosisMachine = getDiagnosisMachine();

const clock = () => new Date(minutes(60));
const createHistoryStore = (records: RecordStorage | null, { now = clock }: { now?: () => Date } = {}) =>
  createStore(records, { now });

/** Records in memory, with what the backend holds visible as a Map. */
function mapStorage(initial: Record<string, string> = {}) {
  const storage = memoryRecords(initial);
  const data = {
    has: (key: string) => key in storage.dump(),
    get: (key: string) => storage.dump()[key],
    set: (key: string, value: string) => storage.set(key, value),
    keys: () => Object.keys(storage.dump()),
    entries: () => Object.entries(storage.dump()),
  };
  return { storage, data };
}
const historyKeys = (data: { keys(): string[] }) => data.keys().filter((key) => key.startsWith(historyPrefix));

const answer = (id: string) => ({ type: `answer.${id}` }) as Scripted;
const start = Date.UTC(2026, 10, 25, 9, 0);
const minutes = (n: number) => start + n * 60_000;

/** A diagnosis run on the real machine: fixed at the network step, or escalated to the acquirer. */
function diagnosis(fixed: boolean) {
  const actor = createActor(diagnosisMachine).start();
  const events = [{ type: 'diagnosis.start' }, answer('declined'), answer('all'), answer('problem')] as Scripted[];
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
  it('keeps only the last 50, in what is stored as well as in what it lists', () => {
    // A number users feel (how far back the history page goes): pinned here, not read from the code under test.
    expect(historyLimit).toBe(50);
    const { storage, data } = mapStorage();
    const history = createHistoryStore(storage);
    const ids: string[] = [];
    for (let n = 0; n < 55; n += 1) ids.push(history.add(summary(n))?.id ?? '');
    expect(history.list().map((entry) => entry.id)).toEqual(ids.slice(5).reverse());
    expect(historyKeys(data)).toHaveLength(50);
    expect(createHistoryStore(storage).list()).toHaveLength(50);
  });

  it('stores each entry under tapfix.history.<id> with schema 2', () => {
    // Pinned as a number: bumping it resets every merchant's history, so it must be a decision, not a side effect.
    expect([historyPrefix, historySchema]).toEqual(['tapfix.history.', 2]);
    const { storage, data } = mapStorage();
    const entry = createHistoryStore(storage).add(summary(1));
    expect(JSON.parse(data.get(`tapfix.history.${entry?.id}`) ?? 'null')).toMatchObject({ schema: 2, id: entry?.id });
  });

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

  it('gives entries that ended at the same moment different ids', () => {
    const history = createHistoryStore(mapStorage().storage);
    const a = history.add(summary(1));
    const b = history.add(summary(1));
    expect(a?.id).not.toBe(b?.id);
    expect(history.list()).toHaveLength(2);
  });

  it('keeps one entry per diagnosis: finishing the same one again replaces it', () => {
    const history = createHistoryStore(mapStorage().storage);
    history.add(summary(1), { id: 'diagnosisone' });
    history.add(summary(2, { fixed: false }), { id: 'diagnosisone' });
    expect(history.list()).toHaveLength(1);
    expect(history.get('diagnosisone')?.resolved).toBe(false);
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
    expect(historyKeys(data)).toEqual([]);
  });
});

describe('reading a history it cannot fully use', () => {
  const cases: Array<[string, string]> = [
    ['bad JSON', '[{"id":'],
    ['not an envelope', '"hello"'],
    ['an older schema', JSON.stringify({ schema: historySchema - 1, entries: [] })],
    ['huge data', JSON.stringify({ schema: historySchema, pad: 'x'.repeat(110_000) })],
  ];

  it.each(cases)('sets %s aside under a backup key, never deleting it, and says so', (_, raw) => {
    const { storage, data } = mapStorage();
    const history = createHistoryStore(storage);
    const kept = history.add(summary(1));
    data.set(`${historyPrefix}broken`, raw);
    expect(history.load()).toEqual({ status: 'ok', entries: [kept], dropped: 1, newer: 0 });
    expect(data.get('tapfix.backup.history.broken')).toBe(raw);
    expect(history.load()).toEqual({ status: 'ok', entries: [kept], dropped: 0, newer: 0 });
  });

  it('leaves entries of a newer version alone, also when adding and clearing', () => {
    const { storage, data } = mapStorage();
    const newer = JSON.stringify({ schema: historySchema + 1, id: 'fromthefuture' });
    data.set(`${historyPrefix}fromthefuture`, newer);
    const history = createHistoryStore(storage);
    history.add(summary(1));
    expect(history.load()).toMatchObject({ status: 'ok', newer: 1 });
    history.clear();
    expect(data.get(`${historyPrefix}fromthefuture`)).toBe(newer);
  });

  it('drops an entry holding a card number or a step this build does not have', () => {
    const { storage, data } = mapStorage();
    const history = createHistoryStore(storage);
    const kept = history.add(summary(1), { id: 'goodentry' });
    const good = JSON.parse(data.get(`${historyPrefix}goodentry`) ?? '') as Record<string, unknown>;
    const removedStep = { ...good, id: 'oldentry', summary: { ...(good.summary as object), currentStep: 'gate.gone' } };
    data.set(`${historyPrefix}oldentry`, JSON.stringify(removedStep));
    data.set(`${historyPrefix}cardentry`, JSON.stringify({ ...good, id: 'cardentry', summary: '6222 0212 3456 7894' }));
    expect(history.load()).toEqual({ status: 'ok', entries: [kept], dropped: 2, newer: 0 });
  });

  it('treats missing storage as nothing kept', () => {
    const history = createHistoryStore(null);
    expect(history.load().status).toBe('unavailable');
    expect(history.add(summary(1))).toBeNull();
    expect(history.clear()).toBe(false);
  });

  it('reports a full storage on add and keeps what was there', () => {
    const { storage } = mapStorage();
    const first = createHistoryStore(storage).add(summary(1));
    const full = createRecordStorage(new Map(Object.entries(storage.dump())), {
      write: () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
    });
    const history = createHistoryStore(full);
    expect(history.add(summary(2))).toBeNull();
    expect(history.list().map((entry) => entry.id)).toContain(first?.id);
  });

  it('moves the history kept in localStorage before into one record per entry', () => {
    const { storage } = mapStorage();
    const entry = createHistoryStore(storage).add(summary(1));
    const legacy = JSON.stringify({ schema: 1, entries: [{ ...entry }, 42] });
    const changes = migrateLegacyHistory(webStorage({ 'tapfix.history': legacy }).storage);
    const records = memoryRecords(Object.fromEntries(changes.map(([key, value]) => [key, value ?? ''])));
    expect(createHistoryStore(records).list()).toEqual([entry]);
    expect(records.dump()['tapfix.backup.history']).toBe(JSON.stringify({ schema: 1, entries: [42] }));
  });
});

describe('card numbers never reach storage', () => {
  const card = '6222 0212 3456 7894';

  it('holds no card number anywhere after a diagnosis and a summary where the merchant typed one', () => {
    const { storage, data } = mapStorage();
    const actor = diagnosis(false);
    const claim = { id: 'diagnosisone', owner: 'windowone', claim: 0 };
    expect(saveDiagnosis(storage, claim, actor.getPersistedSnapshot(), 'c1', new Date(minutes(1)))).toBe(true);

    const typed = {
      merchantId: card,
      terminalId: '12345678',
      amount: '88',
      cardLast4: card.replaceAll(' ', ''),
      reference: `６２２２-０２１２-３４５６-７８９４`,
    };
    const entry = createHistoryStore(storage).add(summary(1, { fixed: false, fields: typed }), { id: claim.id });
    expect(entry?.summary.fields).toEqual({});

    expect(data.keys().sort()).toEqual([diagnosisKeyOf(claim.id), `${historyPrefix}${claim.id}`].sort());
    for (const [key, value] of data.entries()) {
      expect(holdsCardNumber(value), key).toBe(false);
      expect(value, key).not.toContain('7894');
    }
    expect(listDiagnoses(storage, { contentVersion: 'c1' }).saves).toHaveLength(1);
  });

  it('never keeps the case fields: they are for sharing now, and a 商户号 may pass the Luhn check', () => {
    const { storage, data } = mapStorage();
    const history = createHistoryStore(storage);
    const fields = { merchantId: '898906828836075', terminalId: '12345678', amount: '88', cardLast4: '7894' };
    const withFields = summary(1, { fields });
    expect(withFields.fields.merchantId).toBe('898906828836075');
    const entry = history.add(withFields, { id: 'withfields' });
    expect(entry?.summary).toEqual({ ...withFields, fields: {} });
    const stored = data.get(`${historyPrefix}withfields`) ?? '';
    for (const value of ['898906828836075', '12345678', '7894']) expect(stored).not.toContain(value);
    expect(holdsCardNumber(stored)).toBe(false);

    // Fields stored by an older build are dropped when read.
    const envelope = JSON.parse(stored) as { summary: { fields: object } };
    envelope.summary.fields = { terminalId: '12345678' };
    data.set(`${historyPrefix}withfields`, JSON.stringify(envelope));
    expect(history.list()[0]?.summary.fields).toEqual({});
  });

  it('redacts a card-like version string rather than storing it', () => {
    const { storage, data } = mapStorage();
    const leaky: CaseSummary = { ...summary(1), appVersion: card };
    const entry = createHistoryStore(storage).add(leaky);
    expect(entry?.summary.appVersion).toBe('••••');
    for (const key of historyKeys(data)) expect(holdsCardNumber(data.get(key) ?? '')).toBe(false);
  });
});
