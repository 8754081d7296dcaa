import { useEffect } from 'react';
import type { ActorRefFrom } from 'xstate';
import { currentStep, type DiagnosisMachine } from '../domain/diagnosis.machine.ts';
import { isStepId, stepByCode, type StepId } from '../domain/steps.ts';

interface EntryState {
  tapfixDepth: number;
}

const depthOf = (state: unknown): number =>
  typeof (state as EntryState | null)?.tapfixDepth === 'number' ? (state as EntryState).tapfixDepth : 0;

const hashFor = (step: StepId | 'home') => (step === 'home' ? '#/' : `#/step/${step}`);

/** The step a URL names: #/step/<id> or #/code/<short code>; null for anything else. */
export function stepFromHash(hash: string): StepId | null {
  const match = /^#\/(step|code)\/([\w.]{1,40})$/.exec(hash);
  if (!match) return null;
  const [, kind, value = ''] = match;
  if (kind === 'code') return stepByCode(value);
  return isStepId(value) ? value : null;
}

/**
 * Keeps browser history one entry per step of the trail, so the phone's Back gesture steps back in the
 * diagnosis (the machine decides where back goes) instead of leaving the app.
 */
export function useHistorySync(actor: ActorRefFrom<DiagnosisMachine>) {
  useEffect(() => {
    let ignorePops = 0;
    const depth = () => actor.getSnapshot().context.trail.length;

    const opened = stepFromHash(location.hash);
    if (opened && currentStep(actor.getSnapshot()) === 'home') actor.send({ type: 'step.open', step: opened });
    history.replaceState({ tapfixDepth: 0 } satisfies EntryState, '', hashFor('home'));
    for (let d = 1; d <= depth(); d += 1) history.pushState({ tapfixDepth: d } satisfies EntryState, '');
    history.replaceState(history.state, '', hashFor(currentStep(actor.getSnapshot())));

    const subscription = actor.subscribe((snapshot) => {
      const want = snapshot.context.trail.length;
      const have = depthOf(history.state);
      const hash = hashFor(currentStep(snapshot));
      if (want > have) {
        history.pushState({ tapfixDepth: want } satisfies EntryState, '', hash);
      } else if (want < have) {
        // Drop the entries above: a later Back then leaves as many steps as the trail holds.
        ignorePops += 1;
        history.go(want - have);
      } else if (location.hash !== hash) {
        history.replaceState(history.state, '', hash);
      }
    });

    function onPop(event: PopStateEvent) {
      const entry = depthOf(event.state);
      if (ignorePops > 0) {
        ignorePops -= 1;
        history.replaceState(event.state, '', hashFor(currentStep(actor.getSnapshot())));
        return;
      }
      const want = depth();
      if (entry < want) {
        actor.send({ type: 'nav.back' });
      } else if (entry > want) {
        // Forward into steps that are gone: return to where the diagnosis is.
        ignorePops += 1;
        history.go(want - entry);
      }
    }

    window.addEventListener('popstate', onPop);
    return () => {
      subscription.unsubscribe();
      window.removeEventListener('popstate', onPop);
    };
  }, [actor]);
}
