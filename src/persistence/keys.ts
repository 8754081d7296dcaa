/** Where the unfinished diagnosis is saved; in a module of its own so the boot script can look without loading the machine. */
export const diagnosisKey = 'tapfix.diagnosis';
