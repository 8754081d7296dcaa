/**
 * The whole diagnosis as data: for each step that asks something, its answers in display order and where each
 * leads. The machine and the flow map both read targets through `legsOf`, so a special target means one thing.
 */
import { stepRegistry, type StepId } from './steps.ts';

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
  'twoSales',
  'oneSale',
  'opening',
  'foreign',
  'insertOnly',
  'noMark',
  'cardLimit',
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

/** Steps whose registry entry carries `flag`. */
type Flagged<Flag extends string> = {
  [S in StepId]: (typeof stepRegistry)[S] extends Readonly<Record<Flag, true>> ? S : never;
}[StepId];

/**
 * The rows the safety rules require, as types: a step that asks for another attempt offers "no clear result"
 * (status check, or straight to "outcome unknown"), and a step that asks for a PIN offers "wrong PIN".
 */
type SafetyRows = { readonly [S in Flagged<'asksRetry'>]: { readonly unknown: 'check' | 'done.statusUnknown' } } & {
  readonly [S in Flagged<'asksPin'>]: { readonly pinWrong: Target };
};

export const flow = {
  'lookup.code': { continue: 'route' },
  'gate.charged': { declined: 'resume', unknown: 'safety.query', paid: 'done.paid' },
  'safety.query': {
    succeeded: 'done.paid',
    notFound: 'safety.reversal',
    double: 'safety.duplicate',
    cannotCheck: 'done.statusUnknown',
  },
  'safety.reversal': {
    fixed: 'done.resolved',
    reversalOk: 'resume',
    reversalFailed: 'done.statusUnknown',
    unknown: 'done.statusUnknown',
  },
  'safety.duplicate': { twoSales: 'done.doubleCharge', oneSale: 'done.pendingHold', cannotCheck: 'done.statusUnknown' },
  // The evidence question: a code or message shown opens its branch (evidence.shown); these are for a blank screen.
  'scope.cards': {
    all: 'network.signal',
    opening: 'setup.signOnFix',
    one: 'wallet.device',
    foreign: 'card.foreign',
    unsure: 'scope.test',
  },
  'scope.test': {
    otherWorks: 'wallet.device',
    otherFails: 'network.signal',
    noOther: 'network.signal',
    unknown: 'check',
  },
  'network.signal': { problem: 'network.fix', ok: 'setup.signOn' },
  'network.fix': { fixed: 'done.resolved', notFixed: 'network.otherDevices', unknown: 'check' },
  'network.otherDevices': { yes: 'done.acquirer', no: 'done.carrier' },
  'setup.signOn': {
    signOn: 'setup.signOnFix',
    settle: 'setup.settleFix',
    registration: 'done.acquirer',
    restricted: 'done.merchantRestricted',
    none: 'setup.reader',
  },
  'setup.signOnFix': { fixed: 'done.resolved', notFixed: 'done.acquirer', unknown: 'check' },
  'setup.settleFix': { fixed: 'done.resolved', notFixed: 'done.acquirer', unknown: 'check' },
  'setup.reader': {
    fixed: 'done.resolved',
    pinWrong: 'pin.retry',
    insertOnly: 'setup.contactless',
    notFixed: 'operator.check',
    unknown: 'check',
  },
  'setup.contactless': { fixed: 'done.resolved', pinWrong: 'pin.retry', notFixed: 'done.acquirer', unknown: 'check' },
  'setup.printer': { fixed: 'done.resolved', notFixed: 'done.acquirer', unknown: 'check' },
  'setup.power': { fixed: 'done.resolved', notFixed: 'done.acquirer', unknown: 'check' },
  'host.wait': { fixed: 'done.resolved', notFixed: 'done.acquirer', unknown: 'check' },
  'host.cutover': { fixed: 'done.resolved', notFixed: 'done.acquirer', unknown: 'check' },
  'balance.check': { yes: 'balance.fix', no: 'card.status' },
  'balance.fix': { fixed: 'done.resolved', notFixed: 'network.signal', unknown: 'check' },
  'card.status': {
    expired: 'card.other',
    restricted: 'card.other',
    blocked: 'done.cardBlocked',
    none: 'wallet.device',
  },
  'card.other': { fixed: 'done.resolved', notFixed: 'network.signal', unknown: 'check' },
  // A foreign card refused on a terminal not opened for it is the merchant's contract: the POS company, never the issuer.
  'card.foreign': { fixed: 'done.resolved', notFixed: 'done.acquirer', unknown: 'check' },
  'wallet.device': { phone: 'wallet.unlock', card: 'reading.placement', noMark: 'reading.noMark' },
  'wallet.unlock': { fixed: 'done.resolved', notFixed: 'wallet.nfc', unknown: 'check' },
  'wallet.nfc': { fixed: 'done.resolved', notFixed: 'wallet.fallback', unknown: 'check' },
  'wallet.fallback': { fixed: 'done.resolved', pinWrong: 'pin.retry', notFixed: 'limit.check', unknown: 'check' },
  'reading.placement': { fixed: 'done.resolved', notFixed: 'reading.chip', unknown: 'check' },
  'reading.chip': { fixed: 'done.resolved', pinWrong: 'pin.retry', notFixed: 'limit.check', unknown: 'check' },
  // No 闪付 mark: the card cannot be tapped at all; inserting it is the remedy, not a re-tap.
  'reading.noMark': { fixed: 'done.resolved', pinWrong: 'pin.retry', notFixed: 'limit.check', unknown: 'check' },
  'limit.check': {
    insert: 'limit.insert',
    pinWrong: 'pin.retry',
    pinLocked: 'done.pinLocked',
    cardLimit: 'limit.cardLimit',
    none: 'operator.check',
  },
  'limit.insert': { fixed: 'done.resolved', pinWrong: 'pin.retry', notFixed: 'operator.check', unknown: 'check' },
  'limit.cardLimit': { fixed: 'done.resolved', notFixed: 'done.issuer', unknown: 'check' },
  'pin.retry': { fixed: 'done.resolved', pinWrong: 'done.pinStop', unknown: 'check' },
  'operator.check': { fixed: 'done.resolved', notFixed: 'escalate', unknown: 'check' },
  // Outcomes that send the customer to another card or way to pay: if that attempt freezes, check it, then back here.
  'done.issuer': { unknown: 'check' },
  'done.cardBlocked': { unknown: 'check' },
  'done.pinLocked': { unknown: 'check' },
  'done.pinStop': { unknown: 'check' },
  'done.partial': { unknown: 'check' },
  'done.merchantRestricted': { unknown: 'check' },
} as const satisfies { readonly [S in StepId]?: { readonly [A in AnswerId]?: Target } } & SafetyRows;

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
 * escalate = issuer on the card side, acquirer on the terminal side; check = status check, then back here, unless
 * this is the second "no clear result" of the diagnosis (then the outcome is unknown: stop and escalate);
 * resume = the step the code or symptom pointed at, else scope; route = status check first when the outcome is
 * unknown, then as resume. A step that asks for a PIN is entered only while fewer than two wrong PINs were given.
 */
export type Leg =
  | { readonly when: 'always'; readonly step: StepId }
  | { readonly when: 'unclearAgain'; readonly step: 'done.statusUnknown' }
  | { readonly when: 'pinSpent'; readonly step: 'done.pinStop' }
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
          { when: 'unclearAgain', step: 'done.statusUnknown' },
          { when: 'checkFirst', step: 'safety.query' },
          { when: 'returnHere', step },
        ],
      };
    case 'resume':
      return { target, legs: resumeLegs };
    case 'route':
      return { target, legs: [{ when: 'unknownOutcome', step: 'safety.query' }, ...resumeLegs] };
    default:
      return {
        target: 'step',
        legs: asksPin(target)
          ? [
              { when: 'pinSpent', step: 'done.pinStop' },
              { when: 'always', step: target },
            ]
          : [{ when: 'always', step: target }],
      };
  }
}

/** How many wrong PIN entries end PIN requests for this diagnosis (one before the usual lock). */
export const pinEntriesAllowed = 2;

export const asksPin = (step: StepId): boolean => 'asksPin' in stepRegistry[step];

/** The answers of one step with where each leads, in display order. */
export function edgesOf(step: StepId): FlowEdge[] {
  const row = rowOf(step) ?? {};
  return answersOf(step).flatMap((answer) => {
    const target = row[answer];
    return target === undefined ? [] : [{ answer, ...legsOf(step, target) }];
  });
}
