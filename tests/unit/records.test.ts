import { describe, expect, it } from 'vitest';
import { createRecordStorage, type RecordChange, type RecordChannel } from '../../src/persistence/records.ts';

/** Two windows' ends of one channel: what one posts, the other hears. */
function channelPair(): [RecordChannel, RecordChannel] {
  const listeners: Array<Set<(change: RecordChange) => void>> = [new Set(), new Set()];
  const end = (mine: number, theirs: number): RecordChannel => ({
    post: (change) => listeners[theirs]?.forEach((listener) => listener(change)),
    listen(listener) {
      listeners[mine]?.add(listener);
      return () => void listeners[mine]?.delete(listener);
    },
  });
  return [end(0, 1), end(1, 0)];
}

describe('records shared by two windows', () => {
  it('tells the other window about a write once it is stored, with the new value', async () => {
    const disk = new Map<string, string>();
    const backend = {
      write: async ([key, value]: RecordChange) => void (value === null ? disk.delete(key) : disk.set(key, value)),
    };
    const [one, two] = channelPair();
    const a = createRecordStorage(new Map(), backend, one);
    const b = createRecordStorage(new Map(), backend, two);
    const heard: string[] = [];
    b.onRemoteChange((key) => heard.push(key));

    a.set('tapfix.diagnosis.abcdefgh', 'saved');
    expect(a.get('tapfix.diagnosis.abcdefgh')).toBe('saved');
    await a.settled();
    expect(disk.get('tapfix.diagnosis.abcdefgh')).toBe('saved');
    expect(heard).toEqual(['tapfix.diagnosis.abcdefgh']);
    expect(b.get('tapfix.diagnosis.abcdefgh')).toBe('saved');
    expect(b.keys('tapfix.diagnosis.')).toEqual(['tapfix.diagnosis.abcdefgh']);

    a.remove('tapfix.diagnosis.abcdefgh');
    await a.settled();
    expect(b.get('tapfix.diagnosis.abcdefgh')).toBeNull();
  });

  it('keeps what it read when writes fail, marks the key until a write of it succeeds, and tells nobody', async () => {
    let full = true;
    const [one, two] = channelPair();
    const backend = {
      write: async () => {
        if (full) throw new DOMException('quota', 'QuotaExceededError');
      },
    };
    const a = createRecordStorage(new Map([['tapfix.history.old', 'kept']]), backend, one);
    const b = createRecordStorage(new Map(), backend, two);
    let told = 0;
    a.onFailedChange(() => (told += 1));

    a.set('tapfix.history.new', 'entry');
    await a.settled();
    expect(a.get('tapfix.history.old')).toBe('kept');
    expect([...a.failed()]).toEqual(['tapfix.history.new']);
    expect(b.get('tapfix.history.new')).toBeNull();

    full = false;
    a.set('tapfix.history.new', 'entry');
    await a.settled();
    expect(a.failed().size).toBe(0);
    expect(told).toBe(2);
    expect(b.get('tapfix.history.new')).toBe('entry');
  });
});
