// The machine is built on first use, not at import (main.tsx builds it in a task of its own, not inside the app
// script's evaluation), and only once: every actor, saved snapshot and check uses the same machine.
import { describe, expect, it, vi } from 'vitest';
import type * as XState from 'xstate';

const built = vi.hoisted(() => ({ count: 0 }));
vi.mock('xstate', async (original) => {
  const xstate = await original<typeof XState>();
  return {
    ...xstate,
    setup: ((config: Parameters<typeof xstate.setup>[0]) => {
      const machineSetup = xstate.setup(config);
      return {
        ...machineSetup,
        createMachine: (definition: never) => {
          built.count += 1;
          return machineSetup.createMachine(definition);
        },
      };
    }) as unknown as typeof xstate.setup,
  };
});

describe('the diagnosis machine', () => {
  it('is not built when its module is imported, then built once however often it is asked for', async () => {
    const { getDiagnosisMachine, currentStep } = await import('../../src/domain/diagnosis/diagnosis.machine.ts');
    expect(built.count).toBe(0);
    const machine = getDiagnosisMachine();
    expect(getDiagnosisMachine()).toBe(machine);
    expect(built.count).toBe(1);
    // The machine it returns is the real one: it starts at home.
    expect(currentStep(machine.resolveState({ value: 'home', context: machine.config.context as never }))).toBe('home');
  });
});
