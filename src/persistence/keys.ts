/** Storage keys, in a module of their own so the boot script can look without loading the machine. */

/** Unfinished diagnoses, one record per diagnosis id (IndexedDB). */
export const diagnosisPrefix = 'tapfix.diagnosis.';
/** Finished diagnoses, one record per diagnosis id (IndexedDB). */
export const historyPrefix = 'tapfix.history.';
/** Where the one unfinished diagnosis was saved in localStorage before records moved to IndexedDB. */
export const legacyDiagnosisKey = 'tapfix.diagnosis';
/** Where the history was kept in localStorage before records moved to IndexedDB. */
export const legacyHistoryKey = 'tapfix.history';
/** Set in localStorage while an unfinished diagnosis is saved: the boot script cannot wait for IndexedDB. */
export const savedHintKey = 'tapfix.saved';

/** Data this build cannot use (unreadable, older, other wording) is moved here instead of being deleted. */
export const backupKey = (key: string) => `tapfix.backup.${key.replace(/^tapfix\./, '')}`;
