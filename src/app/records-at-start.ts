// main.tsx imports this first, so IndexedDB opens while the rest of the entry is still being evaluated: on a cold
// start (a new browser process) the database takes 20-50 ms to answer, which used to come after that evaluation.
import { openBrowserRecords } from '../persistence/open-records.ts';
import { browserStorage } from '../persistence/storage.ts';

/** localStorage, or null where this browser refuses it. */
export const settings = browserStorage();

/** The saved records, opening since the entry's evaluation began (opening never throws: see openBrowserRecords). */
export const recordsAtStart = openBrowserRecords(settings);
