import { createActor, transition, type SnapshotFrom } from 'xstate';
import { getAdjacencyMap, getShortestPaths, getSimplePaths } from 'xstate/graph';
import { describe, expect, it } from 'vitest';
import {
  currentStep,
  getDiagnosisMachine,
  type DiagnosisEvent,
  type DiagnosisMachine,
} from '../../src/domain/diagnosis/diagnosis.machine.ts';
import { answersOf, asksPin, flow, pinEntriesAllowed } from '../../src/domain/diagnosis/flow.ts';
import { stepIds, stepInfo, type StepId } from '../../src/domain/diagnosis/steps.ts';
import { sampleMatches, serializeSnapshot, userEvents } from '../support/machine-events.ts';
import { replay, sendAll } from '../support/replay.ts';

const diagnosisMachine = getDiagnosisMachine();

type Snap = SnapshotFrom<DiagnosisMachine>;
const traversal = { events: userEvents, serializeState: (s: Snap) => serializeSnapshot(s) };
const shortestPaths = getShortestPaths(diagnosisMachine, traversal as never) as unknown as Array<{
  state: Snap;
  steps: Array<{ state: Snap; event: DiagnosisEvent }>;
}>;
const simplePaths = getSimplePaths(diagnosisMachine, traversal as never) as unknown as typeof shortestPaths;
const isOutcome = (step: StepId | 'home') => step !== 'home' && stepInfo(step).kind === 'outcome';

describe('the diagnosis machine', () => {
  it('reaches every step in the registry from home', () => {
    const reached = new Set(shortestPaths.map((path) => currentStep(path.state)));
    expect([...reached].sort()).toEqual(['home', ...stepIds].sort());
  });

  it('has a state for every registry entry and a registry entry for every leaf state', () => {
    const leaves = Object.values(diagnosisMachine.root.states).flatMap((branch) =>
      Object.keys(branch.states).length ? Object.values(branch.states).map((leaf) => leaf.path.join('.')) : [],
    );
    expect(leaves.sort()).toEqual([...stepIds].sort());
  });

  it('offers answers on every step but outcomes, and each answer moves somewhere else', () => {
    for (const path of shortestPaths) {
      const step = currentStep(path.state);
      if (step === 'home' || isOutcome(step)) continue;
      const answers = answersOf(step);
      expect(answers.length, step).toBeGreaterThan(0);
      for (const answer of answers) {
        const [next] = transition(diagnosisMachine, path.state, { type: `answer.${answer}`, step });
        expect(currentStep(next), `${step} → ${answer}`).not.toBe(step);
      }
    }
  });

  it('answers in the flow table are exactly the events each step handles', () => {
    for (const step of Object.keys(flow) as Array<keyof typeof flow>) {
      const [branch, leaf] = step.split('.') as [string, string];
      const node = diagnosisMachine.root.states[branch]?.states[leaf];
      const handled = node?.ownEvents.filter((type) => type.startsWith('answer.')) ?? [];
      expect(handled.sort(), step).toEqual(
        answersOf(step)
          .map((a) => `answer.${a}`)
          .sort(),
      );
    }
  });

  it('has no dead ends: from every reachable state an outcome can still be reached', () => {
    const adjacency = getAdjacencyMap(diagnosisMachine, traversal as never) as unknown as Record<
      string,
      { state: Snap; transitions: Record<string, { state: Snap }> }
    >;
    const leadsToOutcome = new Map<string, boolean>();
    const visit = (key: string, seen: Set<string>): boolean => {
      const known = leadsToOutcome.get(key);
      if (known !== undefined) return known;
      const entry = adjacency[key];
      if (!entry) return false;
      if (isOutcome(currentStep(entry.state))) return true;
      seen.add(key);
      const result = Object.values(entry.transitions).some(({ state }) => {
        const next = serializeSnapshot(state);
        return !seen.has(next) && visit(next, seen);
      });
      leadsToOutcome.set(key, result);
      return result;
    };
    const stuck = Object.keys(adjacency).filter((key) => !visit(key, new Set()));
    expect(stuck).toEqual([]);
  });

  it('makes every outcome a final state; one that sends the customer to another attempt offers only "no clear result"', () => {
    for (const step of stepIds.filter(isOutcome)) {
      const [branch, leaf] = step.split('.') as [string, string];
      expect(diagnosisMachine.root.states[branch]?.states[leaf]?.type, step).toBe('final');
      expect(answersOf(step), step).toEqual(stepInfo(step).asksRetry ? ['unknown'] : []);
    }
  });

  it('never gives retry advice on an unknown outcome before the status check has cleared it', () => {
    let checkedPaths = 0;
    for (const path of simplePaths) {
      const start = path.steps.findIndex(
        ({ event }) =>
          event.type === 'answer.unknown' || (event.type === 'symptom.matched' && event.match.unknownOutcome),
      );
      if (start < 0) continue;
      checkedPaths += 1;
      let cleared = false;
      let previous: string | null = null;
      for (const { state } of path.steps.slice(start + 1)) {
        // Leaving the reversal step by watching the next transaction clears it (its "no clear result" escalates).
        if (previous === 'safety.reversal') cleared = true;
        const step = currentStep(state);
        previous = step;
        if (step === 'home' || step.startsWith('safety.') || step === 'lookup.code') continue;
        if (['done.paid', 'done.doubleCharge', 'done.statusUnknown', 'done.pendingHold'].includes(step)) continue;
        expect(
          cleared,
          `${step} reached before the status check on ${path.steps.map((s) => s.event.type).join(' > ')}`,
        ).toBe(true);
      }
    }
    expect(checkedPaths).toBeGreaterThan(50);
  });

  it('checks the suspects of each side in the checklist order', () => {
    const order: Record<string, number> = {
      network: 0,
      setup: 1,
      balance: 0,
      card: 1,
      wallet: 2,
      reading: 3,
      limit: 4,
      pin: 5,
      operator: 9,
    };
    for (const path of simplePaths) {
      let last = -1;
      let side: string | null = null;
      for (const { state } of path.steps) {
        const step = currentStep(state);
        const rank = order[step.split('.')[0] ?? ''];
        if (rank === undefined) continue;
        if (state.context.side !== side) {
          side = state.context.side;
          last = -1;
        }
        expect(rank, path.steps.map((s) => currentStep(s.state)).join(' > ')).toBeGreaterThanOrEqual(last);
        last = rank;
      }
    }
  });

  it('goes back exactly one step from anywhere (skipping a PIN step once two PINs were wrong), and home from the first', () => {
    for (const path of shortestPaths) {
      if (path.steps.length < 2) continue;
      const events = path.steps.map((s) => s.event);
      const actor = replay(events);
      const spent = actor.getSnapshot().context.pinWrong >= pinEntriesAllowed;
      const shown = path.steps
        .slice(0, -1)
        .map((s) => currentStep(s.state))
        .filter((step) => !(spent && step !== 'home' && asksPin(step)));
      actor.send({ type: 'nav.back' });
      expect(currentStep(actor.getSnapshot())).toBe(shown.at(-1) ?? 'home');
    }
  });

  it('restarts from any state to an empty home', () => {
    for (const path of shortestPaths) {
      const actor = replay(path.steps.map((s) => s.event));
      actor.send({ type: 'session.restart' });
      expect(currentStep(actor.getSnapshot())).toBe('home');
      expect(actor.getSnapshot().context).toEqual({
        trail: [],
        side: null,
        match: null,
        pending: null,
        remembered: {},
        startedAt: null,
        pinWrong: 0,
        unclear: 0,
      });
    }
  });

  it('remembers when a diagnosis began from the time its first event carries, and forgets it on restart', () => {
    const at = '2026-11-25T09:45:00.000Z';
    const started = replay([{ type: 'diagnosis.start', at }, { type: 'answer.declined' }]);
    expect(started.getSnapshot().context.startedAt).toBe(at);
    const matched = replay([{ type: 'symptom.matched', at, match: { ...sampleMatches[0]!, step: 'network.signal' } }]);
    expect(matched.getSnapshot().context.startedAt).toBe(at);
    const opened = replay([
      { type: 'diagnosis.start', at },
      { type: 'step.open', step: 'network.fix', at: 'later' },
    ]);
    expect(opened.getSnapshot().context.startedAt).toBe('later');
    // Opened by support inside the running case: the case began when it began.
    const kept = replay([
      { type: 'diagnosis.start', at },
      { type: 'step.open', step: 'network.fix', at: 'later', from: 'gate.charged' },
    ]);
    expect(kept.getSnapshot().context.startedAt).toBe(at);
    started.send({ type: 'session.restart' });
    expect(started.getSnapshot().context.startedAt).toBeNull();
    expect(replay([{ type: 'diagnosis.start' }]).getSnapshot().context.startedAt).toBeNull();
  });

  it('opens any step directly when support names it', () => {
    for (const step of stepIds) {
      const actor = replay([{ type: 'diagnosis.start' }, { type: 'step.open', step }]);
      expect(currentStep(actor.getSnapshot())).toBe(step);
    }
  });

  it('keeps the case when support opens a step by code: the jump is a trail entry, Back undoes it', () => {
    for (const step of stepIds) {
      const actor = replay([{ type: 'diagnosis.start' }, { type: 'answer.declined' }]);
      const before = actor.getSnapshot().context;
      actor.send({ type: 'step.open', step, from: 'scope.cards' });
      const after = actor.getSnapshot().context;
      expect(currentStep(actor.getSnapshot())).toBe(step);
      expect(after.trail).toEqual([...before.trail, { step: 'scope.cards', answer: null, opened: step }]);
      expect(after.remembered).toEqual(before.remembered);
      actor.send({ type: 'nav.back' });
      expect(currentStep(actor.getSnapshot())).toBe('scope.cards');
      expect(actor.getSnapshot().context.trail).toEqual(before.trail);
    }
  });

  it('lets an answer given before a code jump still be changed', () => {
    const actor = replay([
      { type: 'diagnosis.start' },
      { type: 'answer.declined' },
      { type: 'step.open', step: 'network.signal', from: 'scope.cards' },
      { type: 'answer.change', step: 'gate.charged' },
    ]);
    expect(currentStep(actor.getSnapshot())).toBe('gate.charged');
    expect(actor.getSnapshot().context.trail).toEqual([{ step: 'home', answer: null }]);
    expect(actor.getSnapshot().context.remembered['gate.charged']).toBe('declined');
  });

  it('records a step opened from home as the first trail entry', () => {
    const actor = replay([{ type: 'step.open', step: 'network.signal' }]);
    expect(actor.getSnapshot().context.trail).toEqual([{ step: 'home', answer: null, opened: 'network.signal' }]);
    actor.send({ type: 'nav.back' });
    expect(currentStep(actor.getSnapshot())).toBe('home');
  });

  it('never offers a third PIN after a code jump: the wrong PINs of the case are kept', () => {
    const pinSteps = stepIds.filter((step) => asksPin(step));
    for (const step of pinSteps) {
      const actor = replay([{ type: 'diagnosis.start' }]);
      // Two wrong PINs reported by the symptom path are counted in context; a jump must not forget them.
      const spent = createActor(diagnosisMachine, {
        snapshot: diagnosisMachine.resolveState({
          value: { scope: 'cards' },
          context: { ...actor.getSnapshot().context, pinWrong: pinEntriesAllowed },
        }),
      }).start();
      spent.send({ type: 'step.open', step, from: 'scope.cards' });
      expect(currentStep(spent.getSnapshot())).toBe('done.pinStop');
    }
  });

  it('escalates to the issuer on the card side and to the POS provider on the terminal side', () => {
    const card = replay([
      { type: 'diagnosis.start' },
      { type: 'answer.declined' },
      { type: 'answer.one' },
      { type: 'answer.no' },
      { type: 'answer.none' },
      { type: 'answer.card' },
      { type: 'answer.notFixed' },
      { type: 'answer.notFixed' },
      { type: 'answer.none' },
      { type: 'answer.notFixed' },
    ]);
    expect(currentStep(card.getSnapshot())).toBe('done.issuer');
    const terminal = replay([
      { type: 'diagnosis.start' },
      { type: 'answer.declined' },
      { type: 'answer.all' },
      { type: 'answer.ok' },
      { type: 'answer.none' },
      { type: 'answer.notFixed' },
      { type: 'answer.notFixed' },
    ]);
    expect(currentStep(terminal.getSnapshot())).toBe('done.acquirer');
  });

  it('shows a response code first, then runs the status check when its outcome is unknown', () => {
    const actor = replay([
      {
        type: 'symptom.matched',
        match: {
          category: 'issuer_acquirer_host',
          code: '98',
          message: null,
          step: 'host.wait',
          unknownOutcome: true,
          via: 'code',
        },
      },
    ]);
    expect(currentStep(actor.getSnapshot())).toBe('lookup.code');
    sendAll(actor, [{ type: 'answer.continue' }]);
    expect(currentStep(actor.getSnapshot())).toBe('safety.query');
    sendAll(actor, [{ type: 'answer.notFound' }, { type: 'answer.reversalOk' }]);
    expect(currentStep(actor.getSnapshot())).toBe('host.wait');
  });
});
