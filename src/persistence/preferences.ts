import { isSeat, type Seat } from '../domain/case/seat.ts';
import type { KeyValueStorage } from './storage.ts';

const languageKey = 'tapfix.language';

export function loadLanguage(storage: KeyValueStorage | null): string | null {
  try {
    return storage?.getItem(languageKey) ?? null;
  } catch {
    return null;
  }
}

export function saveLanguage(storage: KeyValueStorage | null, language: string): void {
  try {
    storage?.setItem(languageKey, language);
  } catch {
    // Quota or privacy mode: the choice lasts for this visit only.
  }
}

const supportKey = 'tapfix.support';

/** Support mode (scripts to read out on every step) is on only when it was switched on here. */
export function loadSupportMode(storage: KeyValueStorage | null): boolean {
  try {
    return storage?.getItem(supportKey) === 'on';
  } catch {
    return false;
  }
}

/** False when the choice could not be kept (it still applies for this visit). */
export function saveSupportMode(storage: KeyValueStorage | null, on: boolean): boolean {
  try {
    if (!storage) return false;
    if (on) storage.setItem(supportKey, 'on');
    else storage.removeItem(supportKey);
    return true;
  } catch {
    return false;
  }
}

const installDismissedKey = 'tapfix.installOfferDismissed';

/** When the merchant last turned the install offer down (an ISO time), or null. */
export function loadInstallDismissed(storage: KeyValueStorage | null): string | null {
  try {
    return storage?.getItem(installDismissedKey) ?? null;
  } catch {
    return null;
  }
}

export function saveInstallDismissed(storage: KeyValueStorage | null, at: string): void {
  try {
    storage?.setItem(installDismissedKey, at);
  } catch {
    // Quota or privacy mode: the offer stays away for this visit only.
  }
}

const seatKey = 'tapfix.support.seat';

/** Who the support agent is (asked once); null until they said. */
export function loadSeat(storage: KeyValueStorage | null): Seat | null {
  try {
    const value = storage?.getItem(seatKey);
    return isSeat(value) ? value : null;
  } catch {
    return null;
  }
}

/** False when the choice could not be kept (it still applies for this visit). */
export function saveSeat(storage: KeyValueStorage | null, seat: Seat): boolean {
  try {
    if (!storage) return false;
    storage.setItem(seatKey, seat);
    return true;
  } catch {
    return false;
  }
}
