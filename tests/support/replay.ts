import { createActor, type ActorRefFrom } from 'xstate';
import {
  currentStep,
  getDiagnosisMachine,
  type DiagnosisEvent,
  type DiagnosisMachine,
} from '../../src/domain/diagnosis/diagnosis.machine.ts';
import type { AnswerId } from '../../src/domain/diagnosis/flow.ts';

const diagnosisMachine = getDiagnosisMachine();

/** An event as a test writes it: answers may leave out their step, which is then the step on screen. */
export type Scripted = DiagnosisEvent | { type: `answer.${AnswerId}` };

/** The event as the UI sends it: an answer names the step it was given on. */
export function onScreen(actor: ActorRefFrom<DiagnosisMachine>, event: Scripted): DiagnosisEvent {
  if (!event.type.startsWith('answer.') || 'step' in event) return event as DiagnosisEvent;
  const step = currentStep(actor.getSnapshot());
  if (step === 'home') throw new Error(`${event.type} sent on the home screen`);
  return { type: event.type as `answer.${AnswerId}`, step };
}

/** Sends each event to the actor as the UI would. */
export function sendAll(actor: ActorRefFrom<DiagnosisMachine>, events: readonly Scripted[]) {
  for (const event of events) actor.send(onScreen(actor, event));
  return actor;
}

/** A started diagnosis actor after these events. */
export function replay(events: readonly Scripted[], machine: DiagnosisMachine = diagnosisMachine) {
  return sendAll(createActor(machine).start(), events);
}
