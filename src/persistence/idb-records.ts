/**
 * Records in IndexedDB, each write committed with strict durability: a save that has been written survives a
 * crashed tab and a killed browser (localStorage reaches the disk seconds later, and lost answers that way).
 */
import { openDB } from 'idb';
import { createRecordStorage, type RecordChange, type RecordChannel, type RecordStorage } from './records.ts';

const databaseName = 'tapfix';
const storeName = 'records';
/** Set once what the app kept in localStorage before IndexedDB has been copied over. */
export const migratedKey = 'tapfix.migrated';

export interface Migration {
  /** The records to copy in (a record already there wins). */
  readonly changes: readonly RecordChange[];
  /** Forgets the old copies, once the new ones are on disk. */
  done(): void;
}

/** Opens the records; null when this browser cannot keep IndexedDB (some private modes). Never throws. */
export async function openIdbRecords({
  migrate,
  channel = null,
}: {
  migrate?: () => Migration;
  channel?: RecordChannel | null;
} = {}): Promise<RecordStorage | null> {
  try {
    if (typeof indexedDB === 'undefined') return null;
    const db = await openDB(databaseName, 1, {
      upgrade(database) {
        database.createObjectStore(storeName);
      },
    });
    if (migrate) await migrateOnce(db, migrate);
    const tx = db.transaction(storeName, 'readonly');
    const [keys, values] = await Promise.all([tx.store.getAllKeys(), tx.store.getAll()]);
    const initial = new Map<string, string>();
    keys.forEach((key, index) => {
      const value: unknown = values[index];
      if (typeof key === 'string' && typeof value === 'string' && key !== migratedKey) initial.set(key, value);
    });
    return createRecordStorage(
      initial,
      {
        async write([key, value]) {
          const write = db.transaction(storeName, 'readwrite', { durability: 'strict' });
          if (value === null) void write.store.delete(key);
          else void write.store.put(value, key);
          await write.done;
        },
      },
      channel,
    );
  } catch {
    return null;
  }
}

type Database = Awaited<ReturnType<typeof openDB>>;

/** One transaction: two windows opening at once copy the old data once. */
async function migrateOnce(db: Database, migrate: () => Migration) {
  const tx = db.transaction(storeName, 'readwrite', { durability: 'strict' });
  if ((await tx.store.get(migratedKey)) !== undefined) {
    await tx.done;
    return;
  }
  const migration = migrate();
  for (const [key, value] of migration.changes) {
    if (value !== null && (await tx.store.get(key)) === undefined) void tx.store.put(value, key);
  }
  void tx.store.put('1', migratedKey);
  await tx.done;
  migration.done();
}
