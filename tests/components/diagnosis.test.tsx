import { screen, within } from '@testing-library/react';
import type { SnapshotFrom } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { describe, expect, it } from 'vitest';
import {
  currentStep,
  getDiagnosisMachine,
  type DiagnosisEvent,
  type DiagnosisMachine,
} from '../../src/domain/diagnosis/diagnosis.machine.ts';
import { stepIds, stepInfo, type StepId } from '../../src/domain/diagnosis/steps.ts';
import { approvalOutcomes } from '../../src/domain/lookup/response-codes.ts';
import type { SymptomMatch } from '../../src/domain/lookup/symptom-match.ts';
import { text } from '../support/content.ts';
import { serializeSnapshot, userEvents } from '../support/machine-events.ts';
import { renderApp } from '../support/render-app.tsx';

const diagnosisMachine = getDiagnosisMachine();

type Snap = SnapshotFrom<DiagnosisMachine>;
const escape = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const startsWith = (value: string) => new RegExp(`^${escape(value)}`);

/** Guided paths only (no typed symptoms): the shortest way to every outcome. */
const allOutcomePaths = getShortestPaths(diagnosisMachine, {
  events: (s: Snap) => userEvents(s).filter((event) => event.type !== 'symptom.matched'),
  serializeState: (s: Snap) => serializeSnapshot(s),
  toState: (s: Snap) => {
    const step = currentStep(s);
    return step !== 'home' && stepInfo(step).kind === 'outcome';
  },
} as never) as unknown as Array<{ state: Snap; steps: Array<{ state: Snap; event: DiagnosisEvent }> }>;

/** One path per outcome: the shortest. */
const outcomePaths = [
  ...new Map(
    allOutcomePaths.toSorted((a, b) => b.steps.length - a.steps.length).map((p) => [currentStep(p.state), p]),
  ).values(),
];

const zh = (key: string) => text('zh-CN', 'steps', key);

type User = Awaited<ReturnType<typeof renderApp>>['user'];

/** What the POS screen showed, given as a merchant gives it: a code on the keypad, or the message's button. */
async function showEvidence(user: User, match: SymptomMatch) {
  if (match.code) {
    for (const character of match.code) {
      const letter = /[A-Z]/.test(character);
      const modes = ['evidence.letters', 'evidence.digits'].map((key) => escape(text('zh-CN', 'common', key)));
      const mode = screen.getByRole('button', { name: new RegExp(`^(${modes.join('|')})$`) });
      if (mode.getAttribute('aria-pressed') !== String(letter)) await user.click(mode);
      await user.click(screen.getByRole('button', { name: character }));
    }
    await user.click(screen.getByRole('button', { name: text('zh-CN', 'common', 'evidence.ok') }));
  } else if (match.message) {
    await user.click(screen.getByRole('button', { name: text('zh-CN', 'messages', `${match.message}.label`) }));
  }
  await screen.findByRole('heading', { level: 1, name: zh(`${match.step}.title`) });
}

describe('a merchant walking the diagnosis in Chinese', () => {
  const reached = new Set(outcomePaths.map((path) => currentStep(path.state)));

  it('can reach every outcome by answering questions, except the ones only an approval code opens', () => {
    const byApproval = new Set<string>(Object.values(approvalOutcomes));
    const outcomes = stepIds.filter((id) => stepInfo(id).kind === 'outcome');
    expect([...reached].sort()).toEqual(outcomes.filter((id) => id === 'done.paid' || !byApproval.has(id)).sort());
  });

  for (const path of outcomePaths) {
    const steps = path.steps.map((s) => currentStep(s.state)).filter((s): s is StepId => s !== 'home');
    it(`reaches ${currentStep(path.state)} via ${steps.join(' → ')}`, async () => {
      const { user } = await renderApp();
      for (const { event, state } of path.steps) {
        if (event.type === 'diagnosis.start') {
          await user.click(screen.getByRole('button', { name: startsWith(text('zh-CN', 'common', 'home.start')) }));
        } else if (event.type === 'evidence.shown') {
          await showEvidence(user, event.match);
        } else if (event.type.startsWith('answer.')) {
          const before = currentStepOnScreen();
          const answer = event.type.slice('answer.'.length);
          await user.click(screen.getByRole('button', { name: zh(`${before}.options.${answer}`) }));
        }
        const step = currentStep(state);
        if (step === 'home') continue;
        expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(zh(`${step}.title`));
        expect(screen.getByRole('heading', { level: 1 })).toHaveFocus();
      }
      const outcome = currentStep(path.state) as StepId;
      // The outcome's own code comes with the later parts, fetched at idle after start: on a loaded machine it can
      // still be on its way when a fast path arrives, as it could for a merchant; it shows once it is here.
      await screen.findByText(zh(`${outcome}.summary`), undefined, { timeout: 10_000 });
      if (outcome === 'done.resolved') {
        // Fixed at the counter: a record to keep, nobody to call.
        expect(screen.getByRole('region', { name: text('zh-CN', 'common', 'step.recordTitle') })).toBeInTheDocument();
        expect(screen.queryByRole('heading', { name: text('zh-CN', 'common', 'step.escalationTitle') })).toBeNull();
      } else {
        const region = screen.getByRole('region', { name: text('zh-CN', 'common', 'step.escalationTitle') });
        expect(within(region).getByText(zh(`${outcome}.escalation.text`))).toBeInTheDocument();
      }
      expect(screen.getByText(zh(`${outcome}.summary`))).toBeInTheDocument();
      expect(screen.getByRole('button', { name: text('zh-CN', 'common', 'step.newDiagnosis') })).toBeInTheDocument();
    });
  }
});

function currentStepOnScreen(): string {
  const container = document.querySelector('[data-step]');
  const step = container?.getAttribute('data-step');
  if (!step) throw new Error('no step on screen');
  return step;
}
