import type { AnyStateNode } from 'xstate';
import { describe, expect, it } from 'vitest';
import { getDiagnosisMachine } from '../../src/domain/diagnosis/diagnosis.machine.ts';
import { edgesOf } from '../../src/domain/diagnosis/flow.ts';
import { stepIds } from '../../src/domain/diagnosis/steps.ts';

const diagnosisMachine = getDiagnosisMachine();

/** Every state node of the machine, root first. */
function stateNodes(node: AnyStateNode = diagnosisMachine.root): AnyStateNode[] {
  return [node, ...Object.values(node.states).flatMap((child) => stateNodes(child))];
}

const nodes = stateNodes();
const transitions = nodes.flatMap((node) => [...node.transitions.values()].flat());
const answerEdges = stepIds.reduce((sum, step) => sum + edgesOf(step).length, 0);

describe('the shape of the machine', () => {
  it('stays readable: at most two transitions per answer edge of the flow, jumps included', () => {
    const guarded = transitions.filter((transition) => transition.guard !== undefined).length;
    console.log(
      `machine: ${nodes.length} states, ${transitions.length} transitions (${guarded} guarded), ` +
        `${answerEdges} answer edges in the flow table`,
    );
    expect(answerEdges).toBeGreaterThan(60);
    expect(transitions.length).toBeLessThanOrEqual(2 * answerEdges);
  });

  it('jumps through one router: each step has exactly one route transition, and nothing else fans out', () => {
    const routes = diagnosisMachine.root.transitions.get('xstate.route') ?? [];
    expect(
      routes
        .flatMap((route) => route.target ?? [])
        .map((target) => target.id)
        .sort(),
    ).toEqual(stepIds.map((step) => `diagnosis.${step}`).sort());
    for (const node of nodes) {
      for (const [event, list] of node.transitions) {
        if (event === 'xstate.route') continue;
        expect(list.length, `${node.id} ${event}`).toBeLessThanOrEqual(4);
      }
    }
  });

  it('tags every step state with its kind, so "is this an outcome?" is asked of the machine', () => {
    for (const node of nodes.filter((candidate) => candidate.meta?.step && candidate.meta.step !== 'home')) {
      expect([...node.tags], node.id).toEqual([node.meta.kind]);
      expect(node.type === 'final', node.id).toBe(node.meta.kind === 'outcome');
    }
  });
});
