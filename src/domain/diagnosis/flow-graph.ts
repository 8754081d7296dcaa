/**
 * The diagnosis as a graph for the flow map: derived from the `flow` table and the step registry the machine
 * is built from (never drawn by hand), plus the response codes and screen messages that open each step.
 * Ids and facts only; every word shown with it comes from content.
 */
import { edgesOf, type FlowEdge } from './flow.ts';
import { findResponseCode, responseCodes } from '../lookup/response-codes.ts';
import { screenMessages, type ScreenMessageId } from '../lookup/screen-messages.ts';
import {
  branches,
  branchOf,
  groupIds,
  stepByCode,
  stepIds,
  stepRegistry,
  type Branch,
  type Escalation,
  type GroupId,
  type StepId,
  type StepKind,
} from './steps.ts';

/** Branches shown together, in the order a merchant's checklist walks them (from the branch table). */
export const flowGroups: readonly { readonly id: GroupId; readonly branches: readonly Branch[] }[] = groupIds.map(
  (id) => ({
    id,
    branches: (Object.keys(branches) as Branch[]).filter((branch) => branches[branch].group === id),
  }),
);

/** A response code or screen message that opens a step; unknownOutcome ones pass the status check first. */
export interface Landing<Id extends string = string> {
  readonly id: Id;
  readonly unknownOutcome: boolean;
}

export interface FlowNode {
  readonly step: StepId;
  /** Short code support reads out ("N2"). */
  readonly code: string;
  readonly kind: StepKind;
  readonly branch: Branch;
  readonly escalateTo: Escalation | null;
  /** Answers in display order; empty for outcomes. */
  readonly edges: readonly FlowEdge[];
  readonly codes: readonly Landing[];
  readonly messages: readonly Landing<ScreenMessageId>[];
}

export interface FlowGroup {
  readonly id: GroupId;
  readonly nodes: readonly FlowNode[];
}

function nodeOf(step: StepId): FlowNode {
  const info: { kind: StepKind; code: string; escalateTo?: Escalation } = stepRegistry[step];
  return {
    step,
    code: info.code,
    kind: info.kind,
    branch: branchOf(step),
    escalateTo: info.escalateTo ?? null,
    edges: edgesOf(step),
    codes: responseCodes
      .filter((entry) => entry.step === step)
      .map((entry) => ({ id: entry.code, unknownOutcome: entry.unknownOutcome })),
    messages: screenMessages
      .filter((message) => message.step === step)
      .map((message) => ({ id: message.id, unknownOutcome: message.unknownOutcome })),
  };
}

/** Every step as a node, grouped by branch in checklist order; within a group, registry order. */
export function buildFlowGraph(): FlowGroup[] {
  const nodes = stepIds.map(nodeOf);
  return flowGroups.map((group) => ({
    id: group.id,
    nodes: nodes.filter((node) => group.branches.includes(node.branch)),
  }));
}

export const flowGraph: readonly FlowGroup[] = buildFlowGraph();

/**
 * Whether a node answers a search: the query is its step code ("n2") or a response code landing on it ("51"),
 * or every word of the query occurs in `text` (the step's own words in the current language).
 */
export function matchesQuery(node: FlowNode, query: string, text: string): boolean {
  const wanted = query.trim();
  if (!wanted) return true;
  if (stepByCode(wanted) === node.step) return true;
  const code = findResponseCode(wanted);
  if (code && code.step === node.step) return true;
  const haystack = text.toLocaleLowerCase();
  return wanted
    .toLocaleLowerCase()
    .split(/\s+/)
    .every((word) => haystack.includes(word));
}
