import { describe, expect, it } from 'vitest';
import { loadSupportMode, saveSupportMode } from '../../src/persistence/preferences.ts';
import { mapStorage, throwingStorage } from '../support/storage.ts';

describe('support mode preference', () => {
  it('is off until switched on, and remembered under tapfix.support', () => {
    const { storage, data } = mapStorage();
    expect(loadSupportMode(storage)).toBe(false);
    expect(saveSupportMode(storage, true)).toBe(true);
    expect(data.get('tapfix.support')).toBe('on');
    expect(loadSupportMode(storage)).toBe(true);
    expect(saveSupportMode(storage, false)).toBe(true);
    expect(data.has('tapfix.support')).toBe(false);
    expect(loadSupportMode(storage)).toBe(false);
  });

  it('reads anything else as off, and never throws', () => {
    const { storage, data } = mapStorage();
    data.set('tapfix.support', 'true');
    expect(loadSupportMode(storage)).toBe(false);
    expect(loadSupportMode(throwingStorage)).toBe(false);
    expect(saveSupportMode(throwingStorage, true)).toBe(false);
    expect(loadSupportMode(null)).toBe(false);
    expect(saveSupportMode(null, true)).toBe(false);
  });
});
