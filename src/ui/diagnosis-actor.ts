import { createActorContext } from '@xstate/react';
import { createElement, type ReactNode } from 'react';
import type { ActorOptions } from 'xstate';
import { getDiagnosisMachine, type DiagnosisMachine } from '../domain/diagnosis/diagnosis.machine.ts';

// Typed by the machine, given no machine: the Provider below always passes it, built on first use, not at import.
const actorContext = createActorContext<DiagnosisMachine>(undefined as never);

/** The running diagnosis, shared by every view; the app provides it, tests provide their own. */
export const DiagnosisActor = {
  ...actorContext,
  Provider({ children, options }: { children: ReactNode; options?: ActorOptions<DiagnosisMachine> }) {
    return createElement(actorContext.Provider, { logic: getDiagnosisMachine(), options, children });
  },
};
