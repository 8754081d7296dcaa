// Taps from the home screen to a remedy for the most common screen messages, computed from the machine itself.
import { createActor, transition, type SnapshotFrom } from 'xstate';
import { currentStep, diagnosisMachine, type DiagnosisMachine } from '../../src/domain/diagnosis/diagnosis.machine.ts';
import { answersOf } from '../../src/domain/diagnosis/flow.ts';
import { messageMatch, type ScreenMessageId } from '../../src/domain/lookup/screen-messages.ts';
import { topMessages } from '../../src/domain/lookup/top-messages.ts';
import { stepInfo } from '../../src/domain/diagnosis/steps.ts';

/** The home chips plus the two next most common messages a merchant types. */
export const commonMessages: readonly ScreenMessageId[] = [...topMessages, 'transactionTerminated', 'wrongPin'];

const givesAdvice = (snapshot: SnapshotFrom<DiagnosisMachine>) => {
  const step = currentStep(snapshot);
  return step !== 'home' && ['remedy', 'outcome'].includes(stepInfo(step).kind);
};

/** Fewest answers from a snapshot to a step that tells the merchant what to do (breadth-first). */
function answersToAdvice(start: SnapshotFrom<DiagnosisMachine>): number {
  let frontier = [start];
  for (let depth = 0; depth < 20; depth += 1) {
    if (frontier.some(givesAdvice)) return depth;
    frontier = frontier.flatMap((snapshot) => {
      const step = currentStep(snapshot);
      if (step === 'home') return [];
      return answersOf(step).map((answer) => transition(diagnosisMachine, snapshot, { type: `answer.${answer}`, step })[0]);
    });
  }
  return Number.POSITIVE_INFINITY;
}

export interface TapsFigure {
  message: ScreenMessageId;
  lands: string;
  taps: number;
  /** The status check comes first: a retry could charge twice. */
  statusCheckFirst: boolean;
}

export function tapsToRemedy(): TapsFigure[] {
  return commonMessages.map((message) => {
    const actor = createActor(diagnosisMachine).start();
    actor.send({ type: 'symptom.matched', match: messageMatch(message) });
    const snapshot = actor.getSnapshot();
    actor.stop();
    return {
      message,
      lands: currentStep(snapshot),
      taps: 1 + answersToAdvice(snapshot),
      statusCheckFirst: messageMatch(message).unknownOutcome,
    };
  });
}
