/**
 * The diagnosis as a graph for the flow map: derived from the `flow` table and the step registry the machine
 * is built from (never drawn by hand), plus the response codes and screen messages that open each step.
 * Ids and facts only; every word shown with it comes from content.
 */
import { flow, type AnswerId } from './diagnosis.machine.ts';
import { findResponseCode, responseCodes } from '../lookup/response-codes.ts';
import { screenMessages, type ScreenMessageId } from '../lookup/screen-messages.ts';
import { stepByCode, stepIds, stepRegistry, type Escalation, type StepId, type StepKind } from './steps.ts';

/** The first part of a step id: the machine's compound state for it. */
export type Branch = StepId extends `${infer B}.${string}` ? B : never;

/** Branches shown together, in the order a merchant's checklist walks them. */
export const flowGroups = [
  { id: 'safety', branches: ['gate', 'safety'] },
  { id: 'scope', branches: ['scope'] },
  { id: 'network', branches: ['network'] },
  { id: 'setup', branches: ['setup'] },
  { id: 'host', branches: ['host'] },
  { id: 'balance', branches: ['balance'] },
  { id: 'card', branches: ['card'] },
  { id: 'wallet', branches: ['wallet'] },
  { id: 'reading', branches: ['reading'] },
  { id: 'limit', branches: ['limit', 'pin'] },
  { id: 'operator', branches: ['operator'] },
  { id: 'done', branches: ['done'] },
  { id: 'lookup', branches: ['lookup'] },
] as const satisfies readonly { id: string; branches: readonly Branch[] }[];

export type GroupId = (typeof flowGroups)[number]['id'];

/** A branch added to the registry but missing from flowGroups is a type error naming that branch. */
type Ungrouped = Exclude<Branch, (typeof flowGroups)[number]['branches'][number]>;
const everyBranchGrouped: [Ungrouped] extends [never] ? true : Ungrouped = true;
void everyBranchGrouped;

/**
 * One way an answer can go. The flow table's special targets unfold into several legs:
 * escalate = issuer on the card side, acquirer on the terminal side; check = status check, then back here;
 * resume = the step the code or symptom pointed at, else scope; route = status check first when the
 * outcome is unknown, then as resume.
 */
export type Leg =
  | { readonly when: 'always'; readonly step: StepId }
  | { readonly when: 'cardSide'; readonly step: 'done.issuer' }
  | { readonly when: 'terminalSide'; readonly step: 'done.acquirer' }
  | { readonly when: 'checkFirst'; readonly step: 'safety.query' }
  | { readonly when: 'returnHere'; readonly step: StepId }
  | { readonly when: 'unknownOutcome'; readonly step: 'safety.query' }
  | { readonly when: 'matched'; readonly step: null }
  | { readonly when: 'otherwise'; readonly step: 'scope.cards' };

export type TargetKind = 'step' | 'route' | 'resume' | 'escalate' | 'check';

export interface FlowEdge {
  readonly answer: AnswerId;
  readonly target: TargetKind;
  readonly legs: readonly Leg[];
}

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

export const branchOf = (step: StepId): Branch => step.slice(0, step.indexOf('.')) as Branch;

function legsOf(step: StepId, target: string): { target: TargetKind; legs: Leg[] } {
  switch (target) {
    case 'escalate':
      return {
        target,
        legs: [
          { when: 'cardSide', step: 'done.issuer' },
          { when: 'terminalSide', step: 'done.acquirer' },
        ],
      };
    case 'check':
      return {
        target,
        legs: [
          { when: 'checkFirst', step: 'safety.query' },
          { when: 'returnHere', step },
        ],
      };
    case 'resume':
      return {
        target,
        legs: [
          { when: 'matched', step: null },
          { when: 'otherwise', step: 'scope.cards' },
        ],
      };
    case 'route':
      return {
        target,
        legs: [
          { when: 'unknownOutcome', step: 'safety.query' },
          { when: 'matched', step: null },
          { when: 'otherwise', step: 'scope.cards' },
        ],
      };
    default:
      return { target: 'step', legs: [{ when: 'always', step: target as StepId }] };
  }
}

/** The answers of one step with where each leads, read from the flow table in display order. */
export function edgesOf(step: StepId): FlowEdge[] {
  const answers: Partial<Record<AnswerId, string>> | undefined = (
    flow as Partial<Record<StepId, Partial<Record<AnswerId, string>>>>
  )[step];
  return Object.entries(answers ?? {}).map(([answer, target]) => ({
    answer: answer as AnswerId,
    ...legsOf(step, target),
  }));
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
    nodes: nodes.filter((node) => (group.branches as readonly Branch[]).includes(node.branch)),
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
