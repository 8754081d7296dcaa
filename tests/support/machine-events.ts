import type { SnapshotFrom } from 'xstate';
import {
  currentStep,
  type DiagnosisEvent,
  type DiagnosisMachine,
} from '../../src/domain/diagnosis/diagnosis.machine.ts';
import { answersOf } from '../../src/domain/diagnosis/flow.ts';
import { readKeyedCode } from '../../src/domain/lookup/code-evidence.ts';
import { messageMatch } from '../../src/domain/lookup/screen-messages.ts';
import type { SymptomMatch } from '../../src/domain/lookup/symptom-match.ts';
import { stepIds, stepInfo, type StepId } from '../../src/domain/diagnosis/steps.ts';

const match = (step: StepId, overrides: Partial<SymptomMatch> = {}): SymptomMatch => ({
  category: 'network',
  code: null,
  message: null,
  step,
  unknownOutcome: false,
  via: 'words',
  ...overrides,
});

/** Sample symptoms: one opening each step directly, plus code and unknown-outcome variants. */
export const sampleMatches: SymptomMatch[] = [
  ...stepIds.filter((step) => step !== 'lookup.code').map((step) => match(step)),
  match('network.signal', { unknownOutcome: true, message: 'commTimeout', via: 'message' }),
  match('balance.fix', { code: '51', category: 'balance_account', via: 'code' }),
  match('host.wait', { code: '98', category: 'issuer_acquirer_host', unknownOutcome: true, via: 'code' }),
];

/**
 * Sample evidence for the evidence question, read through the real tables as the keypad and the message buttons
 * read it: refusals (51, 55, a lost card), a possible charge (98, a timeout), an approval, and messages.
 */
export const sampleEvidence: SymptomMatch[] = [
  ...['51', '55', '43', '98', 'Y1'].map((code) => {
    const read = readKeyedCode(code);
    if (read.kind !== 'match') throw new Error(`${code} is not in the code table`);
    return read.match;
  }),
  ...(['insertCard', 'commTimeout', 'merchantRestricted'] as const).map((id) => messageMatch(id)),
];

/** The events a user can send in a snapshot, for graph traversal: answers, evidence, and entries from home. */
export function userEvents(snapshot: SnapshotFrom<DiagnosisMachine>): DiagnosisEvent[] {
  const step = currentStep(snapshot);
  if (step === 'home') {
    return [
      { type: 'diagnosis.start' },
      ...sampleMatches.map((m): DiagnosisEvent => ({ type: 'symptom.matched', match: m })),
    ];
  }
  const answers = answersOf(step).map((answer): DiagnosisEvent => ({ type: `answer.${answer}`, step }));
  if (!('asksEvidence' in stepInfo(step))) return answers;
  return [...answers, ...sampleEvidence.map((m): DiagnosisEvent => ({ type: 'evidence.shown', step, match: m }))];
}

/** Identifies a snapshot by its step and the context that changes later decisions (not the trail). */
export function serializeSnapshot(snapshot: SnapshotFrom<DiagnosisMachine>): string {
  const { side, pending, match: m } = snapshot.context;
  return JSON.stringify([currentStep(snapshot), side, pending, m?.unknownOutcome ?? null]);
}
