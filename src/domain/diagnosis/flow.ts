/**
 * The whole diagnosis as data: for each step that asks something, its answers in display order and where each
 * leads. The machine and the flow map both read targets through `legsOf`, so a special target means one thing.
 */
import type { StepId } from './steps.ts';

/** Every answer id a step can offer; each is sent as the event `answer.<id>`. */
export const answerIds = [
  'continue',
  'declined',
  'unknown',
  'paid',
  'succeeded',
  'double',
  'notFound',
  'cannotCheck',
  'reversalOk',
  'reversalFailed',
  'all',
  'one',
  'unsure',
  'otherWorks',
  'otherFails',
  'noOther',
  'problem',
  'ok',
  'yes',
  'no',
  'signOn',
  'settle',
  'registration',
  'none',
  'expired',
  'blocked',
  'restricted',
  'phone',
  'card',
  'insert',
  'pinWrong',
  'pinLocked',
  'fixed',
  'notFixed',
] as const;

export type AnswerId = (typeof answerIds)[number];

export const isAnswerId = (value: unknown): value is AnswerId =>
  typeof value === 'string' && (answerIds as readonly string[]).includes(value);

/**
 * Where an answer leads: a step, or a decision made from what the diagnosis knows.
 * route = the status check when the matched symptom's outcome is unknown, else as resume;
 * resume = the step the code or symptom pointed at, else scope; escalate = issuer on the card side, else acquirer;
 * check = the retry itself ended with no clear result: status check, then back to this step.
 */
export type Target = StepId | 'route' | 'resume' | 'escalate' | 'check';

export const flow = {
  'lookup.code': { continue: 'route' },
  'gate.charged': { declined: 'scope.cards', unknown: 'safety.query', paid: 'done.paid' },
  'safety.query': {
    succeeded: 'done.paid',
    notFound: 'safety.reversal',
    double: 'done.doubleCharge',
    cannotCheck: 'done.statusUnknown',
  },
  'safety.reversal': { reversalOk: 'resume', reversalFailed: 'done.statusUnknown' },
  'scope.cards': { all: 'network.signal', one: 'balance.check', unsure: 'scope.test' },
  'scope.test': { otherWorks: 'balance.check', otherFails: 'network.signal', noOther: 'network.signal' },
  'network.signal': { problem: 'network.fix', ok: 'setup.signOn' },
  'network.fix': { fixed: 'done.resolved', notFixed: 'network.otherDevices', unknown: 'check' },
  'network.otherDevices': { yes: 'done.acquirer', no: 'done.carrier' },
  'setup.signOn': {
    signOn: 'setup.signOnFix',
    settle: 'setup.settleFix',
    registration: 'done.acquirer',
    none: 'setup.reader',
  },
  'setup.signOnFix': { fixed: 'done.resolved', notFixed: 'done.acquirer' },
  'setup.settleFix': { fixed: 'done.resolved', notFixed: 'done.acquirer' },
  'setup.reader': { fixed: 'done.resolved', notFixed: 'operator.check' },
  'host.wait': { fixed: 'done.resolved', notFixed: 'done.acquirer', unknown: 'check' },
  'balance.check': { yes: 'balance.fix', no: 'card.status' },
  'balance.fix': { fixed: 'done.resolved', notFixed: 'network.signal' },
  'card.status': {
    expired: 'card.other',
    restricted: 'card.other',
    blocked: 'done.cardBlocked',
    none: 'wallet.device',
  },
  'card.other': { fixed: 'done.resolved', notFixed: 'network.signal' },
  'wallet.device': { phone: 'wallet.unlock', card: 'reading.placement' },
  'wallet.unlock': { fixed: 'done.resolved', notFixed: 'wallet.fallback' },
  'wallet.fallback': { fixed: 'done.resolved', notFixed: 'limit.check' },
  'reading.placement': { fixed: 'done.resolved', notFixed: 'reading.chip' },
  'reading.chip': { fixed: 'done.resolved', notFixed: 'limit.check' },
  'limit.check': {
    insert: 'limit.insert',
    pinWrong: 'pin.retry',
    pinLocked: 'done.pinLocked',
    none: 'operator.check',
  },
  'limit.insert': { fixed: 'done.resolved', notFixed: 'operator.check' },
  'pin.retry': { fixed: 'done.resolved', notFixed: 'done.pinLocked' },
  'operator.check': { fixed: 'done.resolved', notFixed: 'escalate' },
} as const satisfies { readonly [S in StepId]?: { readonly [A in AnswerId]?: Target } };

export type FlowStep = keyof typeof flow;

/** The flow row of a step, if it asks anything (outcomes have none). */
function rowOf(step: StepId): Readonly<Partial<Record<AnswerId, Target>>> | undefined {
  return Object.hasOwn(flow, step) ? flow[step as FlowStep] : undefined;
}

/** The answers a step offers, in display order (empty for outcomes). */
export function answersOf(step: StepId): AnswerId[] {
  return Object.keys(rowOf(step) ?? {}).filter(isAnswerId);
}

/**
 * One way an answer can go, in the order the machine tries them. The special targets unfold into several:
 * escalate = issuer on the card side, acquirer on the terminal side; check = status check, then back here;
 * resume = the step the code or symptom pointed at, else scope; route = status check first when the outcome is
 * unknown, then as resume.
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

export type TargetKind = Exclude<Target, StepId> | 'step';

export interface FlowEdge {
  readonly answer: AnswerId;
  readonly target: TargetKind;
  readonly legs: readonly Leg[];
}

const resumeLegs: readonly Leg[] = [
  { when: 'matched', step: null },
  { when: 'otherwise', step: 'scope.cards' },
];

/** The single reading of a flow target: the legs an answer of `step` can take. */
export function legsOf(step: StepId, target: Target): { target: TargetKind; legs: readonly Leg[] } {
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
      return { target, legs: resumeLegs };
    case 'route':
      return { target, legs: [{ when: 'unknownOutcome', step: 'safety.query' }, ...resumeLegs] };
    default:
      return { target: 'step', legs: [{ when: 'always', step: target }] };
  }
}

/** The answers of one step with where each leads, in display order. */
export function edgesOf(step: StepId): FlowEdge[] {
  const row = rowOf(step) ?? {};
  return answersOf(step).flatMap((answer) => {
    const target = row[answer];
    return target === undefined ? [] : [{ answer, ...legsOf(step, target) }];
  });
}
