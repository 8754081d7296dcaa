import { toDirectedGraph, type DirectedGraphNode } from 'xstate/graph';
import { describe, expect, it } from 'vitest';
import { getDiagnosisMachine } from '../../src/domain/diagnosis/diagnosis.machine.ts';
import { answersOf } from '../../src/domain/diagnosis/flow.ts';
import { flowGraph, flowGroups, matchesQuery, type FlowNode } from '../../src/domain/diagnosis/flow-graph.ts';
import type { FlowEdge } from '../../src/domain/diagnosis/flow.ts';
import { responseCodes } from '../../src/domain/lookup/response-codes.ts';
import { screenMessages } from '../../src/domain/lookup/screen-messages.ts';
import { branchOf, isStepId, stepIds, stepInfo, type StepId } from '../../src/domain/diagnosis/steps.ts';

const diagnosisMachine = getDiagnosisMachine();

const nodes: FlowNode[] = flowGraph.flatMap((group) => [...group.nodes]);
const node = (step: StepId) => nodes.find((candidate) => candidate.step === step);

/** Every step state of the machine's directed graph: "branch.leaf" → answer event → target step ids. */
function machineAnswerEdges(): Map<string, Map<string, Set<string>>> {
  const found = new Map<string, Map<string, Set<string>>>();
  const walk = (graphNode: DirectedGraphNode) => {
    const step = graphNode.id.replace(/^diagnosis\./, '');
    for (const edge of graphNode.edges) {
      // answer.change (edit an earlier answer) lives on the root; only the steps' own answers count here.
      if (!isStepId(step) || !edge.label.text.startsWith('answer.')) continue;
      const events = found.get(step) ?? new Map<string, Set<string>>();
      found.set(step, events);
      const targets = events.get(edge.label.text) ?? new Set<string>();
      events.set(edge.label.text, targets);
      targets.add(edge.target.id.replace(/^diagnosis\./, ''));
    }
    graphNode.children.forEach(walk);
  };
  walk(toDirectedGraph(diagnosisMachine));
  return found;
}

/**
 * The steps the machine may go to for one answer: the legs' steps, except "back here" (that happens later,
 * through the status check); "where the code or symptom points" is a transition with no target of its own that
 * raises XState's route event (the directed graph draws it as a loop on the step).
 */
function machineTargetsOf(step: StepId, edge: FlowEdge): Set<string> {
  const targets = new Set<string>();
  for (const leg of edge.legs) {
    if (leg.when === 'returnHere') continue;
    targets.add(leg.when === 'matched' ? step : leg.step);
  }
  return targets;
}

describe('the flow graph', () => {
  it('has every step of the registry as one node, with its code, kind and branch', () => {
    expect(nodes.map((n) => n.step).sort()).toEqual([...stepIds].sort());
    for (const n of nodes) {
      expect(n.code, n.step).toBe(stepInfo(n.step).code);
      expect(n.kind, n.step).toBe(stepInfo(n.step).kind);
      expect(n.branch, n.step).toBe(n.step.split('.')[0]);
    }
  });

  it('groups branches in checklist order, covering every step exactly once', () => {
    expect(flowGraph.map((group) => group.id)).toEqual([
      'safety',
      'scope',
      'network',
      'setup',
      'host',
      'balance',
      'card',
      'wallet',
      'reading',
      'limit',
      'operator',
      'done',
      'lookup',
    ]);
    expect(flowGroups.find((group) => group.id === 'safety')?.branches).toEqual(['gate', 'safety']);
    expect(flowGroups.find((group) => group.id === 'limit')?.branches).toEqual(['limit', 'pin']);
    for (const group of flowGraph) {
      const branches: readonly string[] = flowGroups.find((g) => g.id === group.id)?.branches ?? [];
      for (const n of group.nodes) expect(branches, n.step).toContain(branchOf(n.step));
    }
    const grouped = flowGraph.flatMap((group) => group.nodes.map((n) => n.step));
    expect(new Set(grouped).size).toBe(grouped.length);
  });

  it('lists each step’s answers in the order the machine offers them', () => {
    for (const step of stepIds)
      expect(
        node(step)?.edges.map((edge) => edge.answer),
        step,
      ).toEqual(answersOf(step));
  });

  it('has exactly the answer transitions of the machine (xstate/graph toDirectedGraph)', () => {
    const machine = machineAnswerEdges();
    const derived = new Map(
      nodes
        .filter((n) => n.edges.length > 0)
        .map((n) => [
          n.step,
          new Map(n.edges.map((edge) => [`answer.${edge.answer}`, machineTargetsOf(n.step, edge)])),
        ]),
    );
    expect([...machine.keys()].sort()).toEqual([...derived.keys()].sort());
    for (const [step, events] of derived) {
      const actual = machine.get(step);
      expect([...(actual?.keys() ?? [])].sort(), step).toEqual([...events.keys()].sort());
      for (const [event, targets] of events) {
        expect([...(actual?.get(event) ?? [])].sort(), `${step} ${event}`).toEqual([...targets].sort());
      }
    }
  });

  it('shows what the special targets mean: issuer or acquirer, status check then back, or where a code points', () => {
    const escalate = node('operator.check')?.edges.find((edge) => edge.answer === 'notFixed');
    expect(escalate?.target).toBe('escalate');
    expect(escalate?.legs).toEqual([
      { when: 'cardSide', step: 'done.issuer' },
      { when: 'terminalSide', step: 'done.acquirer' },
    ]);
    const check = node('network.fix')?.edges.find((edge) => edge.answer === 'unknown');
    expect(check?.legs).toEqual([
      { when: 'unclearAgain', step: 'done.statusUnknown' },
      { when: 'checkFirst', step: 'safety.query' },
      { when: 'returnHere', step: 'network.fix' },
    ]);
    expect(node('lookup.code')?.edges[0]?.legs.map((leg) => leg.when)).toEqual([
      'unknownOutcome',
      'matched',
      'otherwise',
    ]);
    expect(node('safety.reversal')?.edges.find((edge) => edge.answer === 'reversalOk')?.target).toBe('resume');
  });

  it('puts each response code on the step its data names, and nowhere else', () => {
    for (const entry of responseCodes) {
      const landing = nodes.filter((n) => n.codes.some((code) => code.id === entry.code));
      expect(
        landing.map((n) => n.step),
        entry.code,
      ).toEqual([entry.step]);
      expect(landing[0]?.codes.find((code) => code.id === entry.code)?.unknownOutcome).toBe(entry.unknownOutcome);
    }
    expect(node('balance.fix')?.codes.map((code) => code.id)).toContain('51');
  });

  it('puts each screen message on the step its data names, and nowhere else', () => {
    for (const message of screenMessages) {
      const landing = nodes.filter((n) => n.messages.some((m) => m.id === message.id));
      expect(
        landing.map((n) => n.step),
        message.id,
      ).toEqual([message.step]);
    }
  });
});

describe('searching the flow graph', () => {
  const hits = (query: string, text: (n: FlowNode) => string = () => '') =>
    nodes.filter((n) => matchesQuery(n, query, text(n))).map((n) => n.step);

  it('finds a step by its short code, in any case', () => {
    expect(hits('N2')).toEqual(['network.fix']);
    expect(hits(' n2 ')).toEqual(['network.fix']);
  });

  it('finds the step a response code lands on', () => {
    expect(hits('51')).toEqual(['balance.fix']);
    expect(hits('a0')).toEqual(['setup.signOnFix']);
  });

  it('finds steps whose text holds every word of the query', () => {
    const text = (n: FlowNode) => (n.step === 'setup.signOn' ? 'Sign on or settle?' : 'Check the network');
    expect(hits('SIGN settle', text)).toEqual(['setup.signOn']);
    expect(hits('sign network', text)).toEqual([]);
  });

  it('shows everything for an empty query', () => {
    expect(hits('  ')).toHaveLength(stepIds.length);
  });
});
