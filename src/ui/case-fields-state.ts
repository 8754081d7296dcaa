import { useState } from 'react';
import {
  caseFieldNames,
  validateCaseField,
  type CaseFieldError,
  type CaseFieldName,
} from '../domain/case/case-fields.ts';

export type CaseFieldValues = Record<CaseFieldName, string>;
type Flags = Partial<Record<CaseFieldName, boolean>>;

interface Held {
  key: unknown;
  fields: CaseFieldValues;
  /** Fields left at least once: their errors show from then on. */
  checked: Flags;
  /** Fields whose card number was just cleared: the refusal stays until someone types there again. */
  refused: Flags;
}

/** The transaction details typed for one case: in memory only, never stored. */
export interface CaseFieldsState {
  readonly fields: Readonly<CaseFieldValues>;
  errorOf: (name: CaseFieldName) => CaseFieldError | null;
  change: (name: CaseFieldName, value: string) => void;
  /** Judges fields that were left (all of them by default): a card number is cleared at once, never kept. */
  check: (names?: readonly CaseFieldName[]) => void;
}

const emptyFields: CaseFieldValues = { merchantId: '', terminalId: '', amount: '', cardLast4: '', reference: '' };

const fresh = (key: unknown): Held => ({ key, fields: emptyFields, checked: {}, refused: {} });

const flags = (names: readonly CaseFieldName[]): Flags => Object.fromEntries(names.map((name) => [name, true]));

const isCardNumber = (name: CaseFieldName, value: string) => {
  const result = validateCaseField(name, value);
  return result.status === 'error' && result.error === 'cardNumber';
};

/**
 * The case fields' state. `caseKey` names the case they belong to: when it changes (a new case), the fields
 * start empty again, as the agent's note does.
 */
export function useCaseFields(caseKey: unknown = null): CaseFieldsState {
  const [held, setHeld] = useState<Held>(() => fresh(caseKey));
  const current = held.key === caseKey ? held : fresh(caseKey);
  const update = (change: (previous: Held) => Held) =>
    setHeld((previous) => change(previous.key === caseKey ? previous : fresh(caseKey)));

  return {
    fields: current.fields,
    errorOf(name) {
      if (current.refused[name]) return 'cardNumber';
      if (!current.checked[name]) return null;
      const result = validateCaseField(name, current.fields[name]);
      // While typing, a card number is only judged when the field is left (a 商户号 passes through such prefixes).
      return result.status === 'error' && result.error !== 'cardNumber' ? result.error : null;
    },
    change(name, value) {
      update((previous) => ({
        ...previous,
        fields: { ...previous.fields, [name]: value },
        refused: { ...previous.refused, [name]: false },
      }));
    },
    check(names = caseFieldNames) {
      update((previous) => {
        const cleared = names.filter((name) => isCardNumber(name, previous.fields[name]));
        return {
          ...previous,
          fields: { ...previous.fields, ...Object.fromEntries(cleared.map((name) => [name, ''])) },
          refused: { ...previous.refused, ...flags(cleared) },
          checked: { ...previous.checked, ...flags(names) },
        };
      });
    },
  };
}
