import fc from 'fast-check';
import { createActor, type Snapshot } from 'xstate';
import { describe, expect, it } from 'vitest';
import { currentStep, getDiagnosisMachine } from '../../src/domain/diagnosis/diagnosis.machine.ts';
import { answersOf } from '../../src/domain/diagnosis/flow.ts';
import { containsCardNumber } from '../../src/domain/case/redact.ts';
import {
  clearDiagnosis,
  diagnosisKeyOf,
  diagnosisSchema,
  listDiagnoses,
  migrateLegacyDiagnosis,
  readSnapshot,
  saveDiagnosis,
  savesLimit,
} from '../../src/persistence/diagnosis-store.ts';
import { createRecordStorage, memoryRecords, type RecordStorage } from '../../src/persistence/records.ts';
import { mapStorage as webStorage } from '../support/storage.ts';

const claim = { id: 'diagnosisone', owner: 'windowone', claim: 0 };
const diagnosisKey = diagnosisKeyOf(claim.id);
const saveTime = new Date(Date.UTC(2026, 10, 25, 9, 45));

/** Records in memory, with what the backend holds visible as a Map. */
function mapStorage(initial: Record<string, string> = {}) {
  const storage = memoryRecords(initial);
  return {
    storage,
    data: {
      has: (key: string) => key in storage.dump(),
      get: (key: string) => storage.dump()[key],
      get size() {
        return Object.keys(storage.dump()).length;
      },
    },
  };
}

const save = (records: RecordStorage | null, snapshot: Snapshot<unknown>, version: string, now = saveTime) =>
  saveDiagnosis(records, claim, snapshot, version, now);

/** What the app finds at start: the newest save, the first reason one was set aside, or nothing. */
function loadDiagnosis(records: RecordStorage | null, { contentVersion }: { contentVersion: string }) {
  if (!records) return { status: 'unavailable' };
  const { saves, discarded } = listDiagnoses(records, { contentVersion });
  if (discarded) return { status: 'discarded', reason: discarded };
  const [first] = saves;
  return first ? { status: 'ok', snapshot: first.snapshot, savedAt: first.savedAt } : { status: 'none' };
}
import { replay, sendAll, type Scripted } from '../support/replay.ts';
import type { AnswerId } from '../../src/domain/diagnosis/flow.ts';

const diagnosisMachine = getDiagnosisMachine();

const content = { contentVersion: 'content-7' };
const answer = (id: AnswerId): Scripted => ({ type: `answer.${id}` });
const networkStart: Scripted[] = [{ type: 'diagnosis.start' }, answer('declined'), answer('all'), answer('problem')];

function actorAfter(events: readonly Scripted[]) {
  return replay(events);
}

function persisted(events: readonly Scripted[]) {
  const actor = actorAfter(events);
  const snapshot = actor.getPersistedSnapshot();
  actor.stop();
  return snapshot;
}

/** Stores an envelope as an older or other build might have written it. */
function stored(snapshot: unknown, overrides: Record<string, unknown> = {}) {
  return JSON.stringify({
    schema: diagnosisSchema,
    id: claim.id,
    owner: claim.owner,
    claim: 0,
    content: content.contentVersion,
    savedAt: '2026-11-25T09:45:00.000Z',
    snapshot,
    ...overrides,
  });
}

/** A stored snapshot with one part replaced, as JSON would give it back. */
function withContext(changes: Record<string, unknown>) {
  const snapshot = JSON.parse(JSON.stringify(persisted(networkStart))) as { context: Record<string, unknown> };
  return { ...snapshot, context: { ...snapshot.context, ...changes } };
}

describe('saving and restoring a diagnosis', () => {
  it('stores schema 3 under tapfix.diagnosis.<id>, the version a reload checks', () => {
    // Pinned as a number: bumping it discards every saved diagnosis in the field, so it must be a decision.
    expect([diagnosisKeyOf('abcdefgh'), diagnosisSchema]).toEqual(['tapfix.diagnosis.abcdefgh', 3]);
    const { storage, data } = mapStorage();
    expect(save(storage, persisted(networkStart), content.contentVersion)).toBe(true);
    expect(JSON.parse(data.get(diagnosisKey) ?? 'null')).toMatchObject({
      schema: 3,
      id: claim.id,
      content: content.contentVersion,
      savedAt: saveTime.toISOString(),
    });
  });

  it('resumes at the same step with the same answers after a reload', () => {
    const { storage, data } = mapStorage();
    const before = actorAfter(networkStart);
    expect(save(storage, before.getPersistedSnapshot(), content.contentVersion)).toBe(true);
    expect(data.has(diagnosisKey)).toBe(true);

    const loaded = loadDiagnosis(storage, content);
    if (loaded.status !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(loaded)}`);
    const after = createActor(diagnosisMachine, { snapshot: loaded.snapshot }).start();
    expect(currentStep(after.getSnapshot())).toBe('network.fix');
    expect(after.getSnapshot().context).toEqual(before.getSnapshot().context);

    sendAll(after, [answer('fixed')]);
    expect(currentStep(after.getSnapshot())).toBe('done.resolved');
  });

  it('keeps when the diagnosis began', () => {
    const { storage } = mapStorage();
    const at = '2026-11-25T09:45:00.000Z';
    save(storage, persisted([{ type: 'diagnosis.start', at }, answer('declined')]), content.contentVersion);
    const loaded = loadDiagnosis(storage, content);
    if (loaded.status !== 'ok') throw new Error(JSON.stringify(loaded));
    const restored = createActor(diagnosisMachine, { snapshot: loaded.snapshot }).start().getSnapshot();
    expect(restored.context.startedAt).toBe(at);
  });

  it('keeps remembered answers after an answer was changed', () => {
    const { storage } = mapStorage();
    const actor = actorAfter([...networkStart, { type: 'answer.change', step: 'scope.cards' }]);
    save(storage, actor.getPersistedSnapshot(), content.contentVersion);
    const loaded = loadDiagnosis(storage, content);
    expect(loaded.status).toBe('ok');
    if (loaded.status !== 'ok') return;
    const restored = createActor(diagnosisMachine, { snapshot: loaded.snapshot }).start().getSnapshot();
    expect(currentStep(restored)).toBe('scope.cards');
    expect(restored.context.remembered).toEqual(actor.getSnapshot().context.remembered);
  });

  it('round-trips every state a merchant can reach', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 15 }), (choices) => {
        const actor = createActor(diagnosisMachine).start();
        actor.send({ type: 'diagnosis.start' });
        for (const choice of choices) {
          const step = currentStep(actor.getSnapshot());
          const answers = step === 'home' ? [] : answersOf(step);
          if (answers.length === 0) break;
          sendAll(actor, [answer(answers[choice % answers.length] ?? 'continue')]);
        }
        const { storage } = mapStorage();
        expect(save(storage, actor.getPersistedSnapshot(), content.contentVersion)).toBe(true);
        const loaded = loadDiagnosis(storage, content);
        if (loaded.status !== 'ok') throw new Error(JSON.stringify(loaded));
        const restored = createActor(diagnosisMachine, { snapshot: loaded.snapshot }).start().getSnapshot();
        expect(restored.value).toEqual(actor.getSnapshot().value);
        expect(restored.context).toEqual(actor.getSnapshot().context);
      }),
      { numRuns: 200 },
    );
  });

  it('reports none when nothing was saved, and forgets a cleared diagnosis', () => {
    const { storage, data } = mapStorage();
    expect(loadDiagnosis(storage, content)).toEqual({ status: 'none' });
    save(storage, persisted(networkStart), content.contentVersion);
    expect(clearDiagnosis(storage, claim.id)).toBe(true);
    expect(data.size).toBe(0);
    expect(loadDiagnosis(storage, content)).toEqual({ status: 'none' });
  });
});

describe('starting clean when the saved diagnosis does not fit', () => {
  const cases: Array<[string, string, string]> = [
    ['bad JSON', '{"schema":1,', 'corrupt'],
    ['not an object', '[1,2,3]', 'corrupt'],
    ['an older schema', stored(persisted(networkStart), { schema: diagnosisSchema - 1 }), 'schema'],
    ['a save from before the envelope', JSON.stringify(persisted(networkStart)), 'schema'],
    ['another content version', stored(persisted(networkStart), { content: 'content-6' }), 'content'],
    ['a state that no longer exists', stored({ ...withContext({}), value: { network: 'gone' } }), 'unknownStep'],
    ['a branch that no longer exists', stored({ ...withContext({}), value: { gone: 'signal' } }), 'unknownStep'],
    ['a state named without its branch', stored({ ...withContext({}), value: 'constructor' }), 'unknownStep'],
    [
      'a trail through a removed step',
      stored(
        withContext({
          trail: [
            { step: 'home', answer: null },
            { step: 'gate.gone', answer: 'declined' },
          ],
        }),
      ),
      'unknownStep',
    ],
    [
      'an answer the step no longer offers',
      stored(
        withContext({
          trail: [
            { step: 'home', answer: null },
            { step: 'gate.charged', answer: 'maybe' },
          ],
        }),
      ),
      'unknownStep',
    ],
    [
      'a remembered answer for a removed step',
      stored(withContext({ remembered: { 'gate.gone': 'yes' } })),
      'unknownStep',
    ],
    ['a pending removed step', stored(withContext({ pending: 'gate.gone' })), 'unknownStep'],
    ['a context without remembered answers', stored(withContext({ remembered: undefined })), 'corrupt'],
    ['a context without a start time', stored(withContext({ startedAt: undefined })), 'corrupt'],
    ['a start time in epoch milliseconds', stored(withContext({ startedAt: 1764063900000 })), 'corrupt'],
    ['a start time that is not a time', stored(withContext({ startedAt: 'yesterday' })), 'corrupt'],
    ['a side that does not exist', stored(withContext({ side: 'left' })), 'corrupt'],
    ['a snapshot with child actors', stored({ ...withContext({}), children: { x: {} } }), 'corrupt'],
    ['a stopped snapshot', stored({ ...withContext({}), status: 'stopped' }), 'corrupt'],
    ['a missing snapshot', stored(undefined), 'corrupt'],
    ['a card number in the save', stored(withContext({ side: '6222 0212 3456 7894' })), 'corrupt'],
    ['a huge save', stored(withContext({}), { padding: 'x'.repeat(300_000) }), 'corrupt'],
  ];

  it.each(cases)('sets %s aside with the reason, under a backup key', (_, raw, reason) => {
    const { storage, data } = mapStorage({ [diagnosisKey]: raw });
    expect(loadDiagnosis(storage, content)).toEqual({ status: 'discarded', reason });
    expect(data.has(diagnosisKey)).toBe(false);
    expect(data.get('tapfix.backup.diagnosis.diagnosisone')).toBe(raw);
    expect(loadDiagnosis(storage, content)).toEqual({ status: 'none' });
  });

  it('leaves a save from a newer version where it is, for that version', () => {
    const raw = stored(persisted(networkStart), { schema: diagnosisSchema + 1 });
    const { storage, data } = mapStorage({ [diagnosisKey]: raw });
    expect(loadDiagnosis(storage, content)).toEqual({ status: 'none' });
    expect(data.get(diagnosisKey)).toBe(raw);
  });

  it('validates a match from a symptom, and refuses a broken one', () => {
    const match = {
      category: 'network',
      code: null,
      message: 'commTimeout',
      step: 'network.signal',
      unknownOutcome: true,
      via: 'message',
    };
    expect(readSnapshot(withContext({ match })).ok).toBe(true);
    expect(readSnapshot(withContext({ match: { ...match, step: 'network.gone' } }))).toEqual({
      ok: false,
      reason: 'unknownStep',
    });
    expect(readSnapshot(withContext({ match: { ...match, via: 'telepathy' } }))).toEqual({
      ok: false,
      reason: 'corrupt',
    });
    expect(readSnapshot(withContext({ match: { ...match, code: '<script>' } }))).toEqual({
      ok: false,
      reason: 'corrupt',
    });
  });

  it('keeps the concept a match from words was read as, and refuses one that is not an id', () => {
    const match = {
      category: 'network',
      code: null,
      message: null,
      step: 'network.signal',
      unknownOutcome: true,
      via: 'words',
      concept: 'outcomeConflict',
    };
    const loaded = readSnapshot(withContext({ match }));
    expect(loaded.ok && (loaded.snapshot as unknown as { context: { match: unknown } }).context.match).toEqual(match);
    expect(readSnapshot(withContext({ match: { ...match, concept: '<b>x</b>' } }))).toEqual({
      ok: false,
      reason: 'corrupt',
    });
  });

  it('rebuilds the snapshot from the checked parts only', () => {
    const loaded = readSnapshot({ ...withContext({ extra: 'x' }), tags: ['x'], surprise: true });
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(Object.keys(loaded.snapshot).sort()).toEqual(
      ['children', 'context', 'error', 'historyValue', 'output', 'status', 'value'].sort(),
    );
    expect(Object.keys((loaded.snapshot as unknown as { context: object }).context).sort()).toEqual(
      ['match', 'pending', 'pinWrong', 'remembered', 'side', 'startedAt', 'trail', 'unclear'].sort(),
    );
  });
});

describe('when storage is unavailable or full', () => {
  it('treats missing storage as nothing kept', () => {
    expect(save(null, persisted(networkStart), content.contentVersion)).toBe(false);
    expect(loadDiagnosis(null, content)).toEqual({ status: 'unavailable' });
    expect(clearDiagnosis(null, claim.id)).toBe(false);
  });

  it('reports a full storage on save, and still reads what is there', () => {
    const { storage } = mapStorage();
    save(storage, persisted(networkStart), content.contentVersion);
    const full = createRecordStorage(new Map(Object.entries(storage.dump())), {
      write: () => {
        throw new DOMException('quota', 'QuotaExceededError');
      },
    });
    expect(save(full, persisted([...networkStart, answer('notFixed')]), content.contentVersion)).toBe(false);
    expect(loadDiagnosis(full, content).status).toBe('ok');
  });

  it('keeps one save per diagnosis, and only the newest few', () => {
    const { storage } = mapStorage();
    for (let n = 0; n < savesLimit + 2; n += 1) {
      const id = `diagnosis${String.fromCharCode(97 + n)}`;
      const at = new Date(saveTime.getTime() + n * 60_000);
      saveDiagnosis(storage, { id, owner: 'windowone', claim: 0 }, persisted(networkStart), 'c', at);
    }
    const { saves } = listDiagnoses(storage, { contentVersion: 'c' });
    expect(saves).toHaveLength(savesLimit);
    expect(saves[0]?.id).toBe(`diagnosis${String.fromCharCode(97 + savesLimit + 1)}`);
  });

  it('moves the one save kept in localStorage before into a record of its own, once', () => {
    const legacy = JSON.stringify({
      schema: 2,
      content: content.contentVersion,
      savedAt: '2026-11-25T09:45:00.000Z',
      snapshot: persisted(networkStart),
    });
    const changes = migrateLegacyDiagnosis(webStorage({ 'tapfix.diagnosis': legacy }).storage);
    expect(changes).toHaveLength(1);
    const records = memoryRecords(Object.fromEntries(changes.map(([key, value]) => [key, value ?? ''])));
    expect(loadDiagnosis(records, content).status).toBe('ok');
    expect(migrateLegacyDiagnosis(webStorage({ 'tapfix.diagnosis': '{"bro' }).storage)).toEqual([
      ['tapfix.backup.diagnosis', '{"bro'],
    ]);
  });

  it('refuses a snapshot that cannot be serialised', () => {
    const cyclic: Record<string, unknown> = { status: 'active' };
    cyclic.self = cyclic;
    expect(save(mapStorage().storage, cyclic as unknown as Snapshot<unknown>, 'c')).toBe(false);
  });
});

describe('card numbers never reach storage', () => {
  it('refuses to save a snapshot holding a card number, and drops the older save', () => {
    const { storage, data } = mapStorage();
    save(storage, persisted(networkStart), content.contentVersion);
    const leaky = { ...withContext({ note: '卡号 6222021234567894' }) } as unknown as Snapshot<unknown>;
    expect(save(storage, leaky, content.contentVersion)).toBe(false);
    expect(data.size).toBe(0);
  });

  it('keeps a numeric content version that looks like a card number, redacted, and still matches it', () => {
    const { storage, data } = mapStorage();
    const version = '6222021234567894';
    expect(save(storage, persisted(networkStart), version)).toBe(true);
    expect(containsCardNumber(data.get(diagnosisKey) ?? '')).toBe(false);
    expect(loadDiagnosis(storage, { contentVersion: version }).status).toBe('ok');
    expect(loadDiagnosis(storage, { contentVersion: '6222021234567895' })).toEqual({
      status: 'discarded',
      reason: 'content',
    });
  });

  it('stores the save time as an ISO string, not epoch milliseconds', () => {
    const { storage, data } = mapStorage();
    save(storage, persisted(networkStart), 'c', new Date(Date.UTC(2026, 10, 25, 9, 45)));
    expect(JSON.parse(data.get(diagnosisKey) ?? '{}')).toMatchObject({ savedAt: '2026-11-25T09:45:00.000Z' });
    expect(data.get(diagnosisKey)).not.toMatch(/\d{10,}/);
  });
});
