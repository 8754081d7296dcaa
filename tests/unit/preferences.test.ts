import { describe, expect, it } from 'vitest';
import { loadSupportMode, saveSupportMode } from '../../src/persistence/preferences.ts';
import type { KeyValueStorage } from '../../src/persistence/storage.ts';

function memoryStorage() {
  const data = new Map<string, string>();
  const storage: KeyValueStorage = {
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, String(value)),
    removeItem: (key) => void data.delete(key),
  };
  return { storage, data };
}

const throwing: KeyValueStorage = {
  getItem: () => {
    throw new Error('SecurityError');
  },
  setItem: () => {
    throw new Error('SecurityError');
  },
  removeItem: () => {
    throw new Error('SecurityError');
  },
};

describe('support mode preference', () => {
  it('is off until switched on, and remembered under tapfix.support', () => {
    const { storage, data } = memoryStorage();
    expect(loadSupportMode(storage)).toBe(false);
    expect(saveSupportMode(storage, true)).toBe(true);
    expect(data.get('tapfix.support')).toBe('on');
    expect(loadSupportMode(storage)).toBe(true);
    expect(saveSupportMode(storage, false)).toBe(true);
    expect(data.has('tapfix.support')).toBe(false);
    expect(loadSupportMode(storage)).toBe(false);
  });

  it('reads anything else as off, and never throws', () => {
    const { storage, data } = memoryStorage();
    data.set('tapfix.support', 'true');
    expect(loadSupportMode(storage)).toBe(false);
    expect(loadSupportMode(throwing)).toBe(false);
    expect(saveSupportMode(throwing, true)).toBe(false);
    expect(loadSupportMode(null)).toBe(false);
    expect(saveSupportMode(null, true)).toBe(false);
  });
});
