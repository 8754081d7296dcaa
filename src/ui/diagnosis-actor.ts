import { createActorContext } from '@xstate/react';
import { diagnosisMachine } from '../domain/diagnosis/diagnosis.machine.ts';

/** The running diagnosis, shared by every view; the app provides it, tests provide their own. */
export const DiagnosisActor = createActorContext(diagnosisMachine);
