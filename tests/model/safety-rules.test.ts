// The safety rules S1–S10 (README "Safety rules") as properties of the machine, checked on every simple path that
// xstate/graph finds from home: the guided start, a symptom opening each step from words, and codes and messages.
import { transition, type SnapshotFrom } from 'xstate';
import { getShortestPaths, getSimplePaths } from 'xstate/graph';
import { describe, expect, it } from 'vitest';
import {
  currentStep,
  diagnosisMachine,
  type DiagnosisEvent,
  type DiagnosisMachine,
} from '../../src/domain/diagnosis/diagnosis.machine.ts';
import { answersOf, asksPin, pinEntriesAllowed } from '../../src/domain/diagnosis/flow.ts';
import { stepIds, stepInfo, type StepId } from '../../src/domain/diagnosis/steps.ts';
import type { SymptomMatch } from '../../src/domain/lookup/symptom-match.ts';
import { approvalOutcomes, responseCodes, successCodes } from '../../src/domain/lookup/response-codes.ts';
import { serializeSnapshot, userEvents } from '../support/machine-events.ts';
import { replay } from '../support/replay.ts';

type Snap = SnapshotFrom<DiagnosisMachine>;
type Path = { state: Snap; steps: Array<{ state: Snap; event: DiagnosisEvent }> };

/** Entries the merchant's home screen can make, beyond the samples: each approval, a 55 and an unclear message. */
const extraMatches: SymptomMatch[] = [
  ...Object.entries(approvalOutcomes).map(
    ([code, step]): SymptomMatch => ({ category: null, code, message: null, step, unknownOutcome: false, via: 'code' }),
  ),
  { category: 'cardholder_verification', code: '55', message: null, step: 'pin.retry', unknownOutcome: false, via: 'code' },
  { category: 'balance_account', code: null, message: null, step: 'balance.fix', unknownOutcome: false, via: 'words' },
];

function events(snapshot: Snap): DiagnosisEvent[] {
  const own = userEvents(snapshot);
  return currentStep(snapshot) === 'home'
    ? [...own, ...extraMatches.map((match): DiagnosisEvent => ({ type: 'symptom.matched', match }))]
    : own;
}

const traversal = { events, serializeState: (s: Snap) => serializeSnapshot(s) };
const simplePaths = getSimplePaths(diagnosisMachine, traversal as never) as unknown as Path[];
const shortestPaths = getShortestPaths(diagnosisMachine, traversal as never) as unknown as Path[];

const stepsOf = (path: Path) => path.steps.map(({ state }) => currentStep(state));
const show = (path: Path) => path.steps.map(({ event }) => event.type).join(' > ');
const startMatch = (path: Path) => {
  const first = path.steps.find(({ event }) => event.type === 'symptom.matched')?.event;
  return first?.type === 'symptom.matched' ? first.match : null;
};
/** Evidence the terminal gave that settles "was the customer charged?": a refusal or an approval on its screen. */
const settledByTheScreen = (match: SymptomMatch | null) =>
  match !== null && match.via !== 'words' && !match.unknownOutcome;
const asksRetry = (step: StepId | 'home') => step !== 'home' && stepInfo(step).asksRetry === true;
const isOutcome = (step: StepId | 'home') => step !== 'home' && stepInfo(step).kind === 'outcome';

describe('the safety rules, on every path', () => {
  it(`walks enough paths to mean something (${simplePaths.length} simple paths)`, () => {
    expect(simplePaths.length).toBeGreaterThan(2000);
  });

  it('S1: no retry advice and no outcome before the charged question or the status check, unless the screen settled it', () => {
    for (const path of simplePaths) {
      if (settledByTheScreen(startMatch(path))) continue;
      const steps = stepsOf(path);
      steps.forEach((step, at) => {
        if (!asksRetry(step) && !isOutcome(step)) return;
        const asked = steps.slice(0, at).some((earlier) => earlier === 'gate.charged' || earlier === 'safety.query');
        expect(asked, `${step} on ${show(path)}`).toBe(true);
      });
    }
  });

  it('S2: every step that asks for another attempt offers "no clear result", and it leads to the status check or stops', () => {
    for (const step of stepIds.filter(asksRetry)) expect(answersOf(step), step).toContain('unknown');
    let taken = 0;
    for (const path of shortestPaths) {
      const step = currentStep(path.state);
      if (!asksRetry(step)) continue;
      const [next] = transition(diagnosisMachine, path.state, { type: 'answer.unknown', step: step as StepId });
      expect(['safety.query', 'done.statusUnknown'], step).toContain(currentStep(next));
      taken += 1;
    }
    expect(taken).toBeGreaterThanOrEqual(stepIds.filter(asksRetry).length);
  });

  it('S3: "not enough money" (balance.fix) only once 51 is established: the code, its screen message, or confirmed', () => {
    let reached = 0;
    for (const path of simplePaths) {
      const steps = stepsOf(path);
      path.steps.forEach(({ state }, at) => {
        if (currentStep(state) !== 'balance.fix') return;
        reached += 1;
        const { match } = state.context;
        const confirmed = path.steps
          .slice(1, at + 1)
          .some(({ event }, i) => steps[i] === 'balance.check' && event.type === 'answer.yes');
        const established =
          (match?.via !== 'words' && (match?.code === '51' || match?.message === 'insufficientBalance')) || confirmed;
        expect(established, `${show({ ...path, steps: path.steps.slice(0, at + 1) })}`).toBe(true);
      });
    }
    expect(reached).toBeGreaterThan(10);
  });

  it('S4: wrong PINs are counted across the diagnosis, and after two no step asks for another', () => {
    for (const path of simplePaths) {
      for (const { state } of path.steps) {
        const { pinWrong, match } = state.context;
        const upTo = path.steps.slice(0, path.steps.findIndex((s) => s.state === state) + 1);
        const reported =
          upTo.filter(({ event }) => event.type === 'answer.pinWrong').length + (match?.step === 'pin.retry' ? 1 : 0);
        expect(pinWrong, show(path)).toBe(reported);
        const step = currentStep(state);
        if (step !== 'home' && asksPin(step)) expect(pinWrong, `${step} on ${show(path)}`).toBeLessThan(pinEntriesAllowed);
      }
    }
  });

  it('S5: voiding is advised only when the terminal\'s own list shows two successful sales', () => {
    for (const path of simplePaths) {
      path.steps.forEach(({ state, event }, at) => {
        if (currentStep(state) !== 'done.doubleCharge') return;
        expect(currentStep(path.steps[at - 1]?.state ?? state), show(path)).toBe('safety.duplicate');
        expect(event.type, show(path)).toBe('answer.twoSales');
      });
    }
  });

  it('S6: the reversal is not asked about before it can have happened: it is watched while the next sale starts', () => {
    expect(stepInfo('safety.reversal').kind).toBe('remedy');
    expect(answersOf('safety.reversal')).toEqual(['fixed', 'reversalOk', 'reversalFailed', 'unknown']);
  });

  it('S7: after two "no clear result" answers the flow escalates instead of checking again', () => {
    let seen = 0;
    for (const path of simplePaths) {
      path.steps.forEach(({ state, event }, at) => {
        if (event.type !== 'answer.unknown') return;
        const before = path.steps[at - 1]?.state.context.unclear ?? 0;
        if (before < 1) return;
        seen += 1;
        expect(currentStep(state), show(path)).toBe('done.statusUnknown');
      });
    }
    expect(seen).toBeGreaterThan(50);
    for (const path of simplePaths) {
      expect(stepsOf(path).filter((step) => step === 'safety.query').length, show(path)).toBeLessThanOrEqual(2);
    }
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
    for (const path of shortestPaths) {
      const step = currentStep(path.state);
      if (step === 'home') continue;
      const other = stepIds.find((candidate) => candidate !== step && answersOf(candidate).length > 0) ?? 'gate.charged';
      for (const answer of new Set([...answersOf(step), ...answersOf(other)])) {
        const [next] = transition(diagnosisMachine, path.state, { type: `answer.${answer}`, step: other });
        expect(currentStep(next), `${step}: answer.${answer} for ${other}`).toBe(step);
        expect(next.context).toEqual(path.state.context);
      }
    }
  });

  it('S10: partial (10) and offline approvals (Y1/Y3) open their own advice, never a retry', () => {
    for (const match of extraMatches.filter((candidate) => candidate.category === null)) {
      const actor = replay([{ type: 'symptom.matched', match }]);
      expect(currentStep(actor.getSnapshot()), match.code ?? '').toBe(match.code === '10' ? 'done.partial' : 'done.paid');
    }
  });
});
