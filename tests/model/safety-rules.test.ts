// The safety rules S1–S10 (README "Safety rules") as properties of the machine, checked by an exhaustive walk
// (xstate/graph's adjacency map) over every state reachable from home: the guided start, a symptom opening each step
// from words, codes and messages, approvals. A state's key holds everything a rule reads (counters, evidence, whether
// the charged question was passed), so a rule checked on every state and every transition holds on every path.
import { transition, type SnapshotFrom } from 'xstate';
import { getAdjacencyMap } from 'xstate/graph';
import { describe, expect, it } from 'vitest';
import {
  currentStep,
  getDiagnosisMachine,
  type DiagnosisEvent,
  type DiagnosisMachine,
} from '../../src/domain/diagnosis/diagnosis.machine.ts';
import { answersOf, asksPin } from '../../src/domain/diagnosis/flow.ts';
import { stepIds, stepInfo, type StepId } from '../../src/domain/diagnosis/steps.ts';
import type { SymptomMatch } from '../../src/domain/lookup/symptom-match.ts';
import { approvalOutcomes, responseCodes, successCodes } from '../../src/domain/lookup/response-codes.ts';
import { userEvents } from '../support/machine-events.ts';
import { replay } from '../support/replay.ts';

const diagnosisMachine = getDiagnosisMachine();

type Snap = SnapshotFrom<DiagnosisMachine>;

/** Entries the merchant's home screen can make, beyond the samples: each approval, a 55 and "no money" in words. */
const extraMatches: SymptomMatch[] = [
  ...Object.entries(approvalOutcomes).map(([code, step]): SymptomMatch => ({
    category: null,
    code,
    message: null,
    step,
    unknownOutcome: false,
    via: 'code',
  })),
  {
    category: 'cardholder_verification',
    code: '55',
    message: null,
    step: 'pin.retry',
    unknownOutcome: false,
    via: 'code',
  },
  { category: 'balance_account', code: null, message: null, step: 'balance.fix', unknownOutcome: false, via: 'words' },
  {
    category: 'balance_account',
    code: null,
    message: 'insufficientBalance',
    step: 'balance.fix',
    unknownOutcome: false,
    via: 'message',
  },
];

function events(snapshot: Snap): DiagnosisEvent[] {
  const own = userEvents(snapshot);
  return currentStep(snapshot) === 'home'
    ? [...own, ...extraMatches.map((match): DiagnosisEvent => ({ type: 'symptom.matched', match }))]
    : own;
}

const passedChargedQuestion = (snapshot: Snap) =>
  snapshot.context.trail.some((entry) => entry.step === 'gate.charged' || entry.step === 'safety.query') ||
  currentStep(snapshot) === 'safety.query';
const confirmed51 = (snapshot: Snap) =>
  snapshot.context.trail.some((entry) => entry.step === 'balance.check' && entry.answer === 'yes');

/** Everything the rules below read; two snapshots with one key are the same for every rule. */
function key(snapshot: Snap): string {
  const { side, pending, match: m, pinWrong, unclear } = snapshot.context;
  const evidence = m && [m.via, m.code, m.message, m.step, m.unknownOutcome];
  return JSON.stringify([
    currentStep(snapshot),
    side,
    pending,
    evidence,
    pinWrong,
    unclear,
    passedChargedQuestion(snapshot),
    confirmed51(snapshot),
  ]);
}

type Adjacency = Record<string, { state: Snap; transitions: Record<string, { event: DiagnosisEvent; state: Snap }> }>;
const adjacency = getAdjacencyMap(diagnosisMachine, { events, serializeState: key } as never) as unknown as Adjacency;
const states = Object.values(adjacency).map((entry) => entry.state);
/** Every transition a merchant can make: from, the event, to. */
const moves = Object.values(adjacency).flatMap((entry) =>
  Object.values(entry.transitions).map(({ event, state }) => ({ from: entry.state, event, to: state })),
);

/** Evidence the terminal gave that settles "was the customer charged?": a refusal or an approval on its screen. */
const settledByTheScreen = (match: SymptomMatch | null) =>
  match !== null && match.via !== 'words' && !match.unknownOutcome;
const asksRetry = (step: StepId | 'home') => step !== 'home' && stepInfo(step).asksRetry === true;
const isOutcome = (step: StepId | 'home') => step !== 'home' && stepInfo(step).kind === 'outcome';
const where = (snapshot: Snap) =>
  `${currentStep(snapshot)} after ${snapshot.context.trail.map((entry) => `${entry.step}:${entry.answer}`).join(' > ')}`;

describe('the safety rules, on every path', () => {
  it(`walks every reachable state (${states.length} states, ${moves.length} transitions)`, () => {
    expect(states.length).toBeGreaterThan(1000);
  });

  it('S1: no retry advice and no outcome before the charged question or the status check, unless the screen settled it', () => {
    for (const state of states) {
      const step = currentStep(state);
      if (!asksRetry(step) && !isOutcome(step)) continue;
      if (settledByTheScreen(state.context.match)) continue;
      expect(passedChargedQuestion(state), where(state)).toBe(true);
    }
  });

  it('S2: every step that asks for another attempt offers "no clear result", and it leads to the status check or stops', () => {
    for (const step of stepIds.filter(asksRetry)) expect(answersOf(step), step).toContain('unknown');
    const taken = moves.filter(({ from, event }) => asksRetry(currentStep(from)) && event.type === 'answer.unknown');
    for (const { from, to } of taken)
      expect(['safety.query', 'done.statusUnknown'], where(from)).toContain(currentStep(to));
    expect(new Set(taken.map(({ from }) => currentStep(from))).size).toBe(stepIds.filter(asksRetry).length);
  });

  it('S3: "not enough money" (balance.fix) only once 51 is established: the code, its screen message, or confirmed', () => {
    const reached = states.filter((state) => currentStep(state) === 'balance.fix');
    for (const state of reached) {
      const { match } = state.context;
      const fromScreen = match?.via !== 'words' && (match?.code === '51' || match?.message === 'insufficientBalance');
      expect(fromScreen || confirmed51(state), where(state)).toBe(true);
    }
    expect(reached.length).toBeGreaterThan(10);
  });

  it('S4: wrong PINs are counted across the diagnosis, and after two no step asks for another', () => {
    for (const { from, event, to } of moves) {
      // A wrong PIN answered, or a 55 the screen shows on the evidence question, counts one.
      const counted =
        event.type === 'answer.pinWrong' || (event.type === 'evidence.shown' && event.match.step === 'pin.retry')
          ? 1
          : 0;
      if (event.type === 'symptom.matched') {
        expect(to.context.pinWrong).toBe(event.match.step === 'pin.retry' ? 1 : 0);
      } else {
        expect(to.context.pinWrong, `${where(from)} ${event.type}`).toBe(from.context.pinWrong + counted);
      }
    }
    for (const state of states) {
      const step = currentStep(state);
      // Two, from the issuer rule (usually 3 tries a day): written here, not read from the code it checks.
      if (step !== 'home' && asksPin(step)) expect(state.context.pinWrong, where(state)).toBeLessThan(2);
    }
  });

  it("S5: voiding is advised only when the terminal's own list shows two successful sales", () => {
    const voids = moves.filter(
      ({ from, to }) => currentStep(to) === 'done.doubleCharge' && currentStep(from) !== 'done.doubleCharge',
    );
    expect(voids.length).toBeGreaterThan(0);
    for (const { from, event } of voids) {
      expect(currentStep(from), where(from)).toBe('safety.duplicate');
      expect(event.type).toBe('answer.twoSales');
    }
  });

  it('S6: the reversal is not asked about before it can have happened: it is watched while the next sale starts', () => {
    expect(stepInfo('safety.reversal').kind).toBe('remedy');
    expect(answersOf('safety.reversal')).toEqual(['fixed', 'reversalOk', 'reversalFailed', 'unknown']);
  });

  it('S7: after two "no clear result" answers the flow escalates instead of checking again', () => {
    const second = moves.filter(({ from, event }) => event.type === 'answer.unknown' && from.context.unclear >= 1);
    expect(second.length).toBeGreaterThan(50);
    for (const { from, to } of second) expect(currentStep(to), where(from)).toBe('done.statusUnknown');
    for (const state of states) expect(state.context.unclear, where(state)).toBeLessThanOrEqual(2);
  });

  it('S8: step codes have a shape no response code has ("N-2"), and none equals a code the terminal prints', () => {
    const terminalCodes = new Set([...responseCodes.map((entry) => entry.code), ...successCodes]);
    const codes = stepIds.map((step) => stepInfo(step).code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) {
      expect(code).toMatch(/^[A-Z]-[0-9]$/);
      expect(terminalCodes.has(code.replace('-', ''))).toBe(false);
    }
  });

  it('S9: an answer belongs to the step it was shown on; one for another step changes nothing', () => {
    const onePerStep = new Map(states.map((state) => [currentStep(state), state]));
    for (const [step, state] of onePerStep) {
      if (step === 'home') continue;
      const other =
        stepIds.find((candidate) => candidate !== step && answersOf(candidate).length > 0) ?? 'gate.charged';
      for (const answer of new Set([...answersOf(step), ...answersOf(other)])) {
        const [next] = transition(diagnosisMachine, state, { type: `answer.${answer}`, step: other });
        expect(currentStep(next), `${step}: answer.${answer} for ${other}`).toBe(step);
        expect(next.context).toEqual(state.context);
      }
    }
  });

  it('S10: partial (10) and offline approvals (Y1/Y3) open their own advice, never a retry', () => {
    for (const match of extraMatches.filter((candidate) => candidate.category === null)) {
      const actor = replay([{ type: 'symptom.matched', match }]);
      expect(currentStep(actor.getSnapshot()), match.code ?? '').toBe(
        match.code === '10' ? 'done.partial' : 'done.paid',
      );
    }
  });
});
