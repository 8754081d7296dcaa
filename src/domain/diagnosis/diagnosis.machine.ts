import { assign, setup } from 'xstate';
import type { SymptomMatch } from '../lookup/symptom-match.ts';
import { isStepId, stepIds, stepRegistry, type StepId } from './steps.ts';

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

/** Which side of the counter the suspects are on: the terminal (every card fails) or this card/phone. */
export type Side = 'terminal' | 'card';

/** A step left behind, and the answer that left it (null when the app jumped, e.g. from a symptom). */
export interface TrailEntry {
  readonly step: StepId | 'home';
  readonly answer: AnswerId | null;
}

export interface DiagnosisContext {
  readonly trail: readonly TrailEntry[];
  readonly side: Side | null;
  /** The symptom the diagnosis started from, if any. */
  readonly match: SymptomMatch | null;
  /** Where to continue once the status check has cleared an unknown outcome. */
  readonly pending: StepId | null;
  /** Every answer given in this diagnosis, kept when stepping back so it can be offered again. */
  readonly remembered: Readonly<Partial<Record<StepId, AnswerId>>>;
  /** When this diagnosis began, as the ISO time the starting event carried (never epoch ms: 13 digits can pass Luhn). */
  readonly startedAt: string | null;
}

/** `at` on the events that begin a diagnosis: the ISO time the UI stamps, so the machine needs no clock. */
export type DiagnosisEvent =
  | { type: `answer.${AnswerId}` }
  | { type: 'diagnosis.start'; at?: string }
  | { type: 'symptom.matched'; match: SymptomMatch; at?: string }
  | { type: 'step.open'; step: StepId; at?: string }
  | { type: 'nav.back' }
  | { type: 'answer.change'; step: StepId }
  | { type: 'session.restart' };

/** Target of an answer: a step, or a decision the machine makes from what it knows. */
type Target = StepId | 'route' | 'resume' | 'escalate' | 'check';

/**
 * The whole flow as data: for each non-final step, its answers in display order and where each leads.
 * route = the status check when the matched symptom's outcome is unknown, else resume;
 * resume = the matched symptom's step (or scope when none); escalate = issuer on the card side, else acquirer;
 * check = the retry itself ended with no clear result: status check, then back to this step.
 */
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

type FlowStep = keyof typeof flow;

/** The answers a step offers, in display order (empty for outcomes). */
export function answersOf(step: StepId): AnswerId[] {
  const answers: Partial<Record<AnswerId, Target>> | undefined = (
    flow as Partial<Record<StepId, Partial<Record<AnswerId, Target>>>>
  )[step];
  return answers ? (Object.keys(answers) as AnswerId[]) : [];
}

/** Branches whose suspects sit on the terminal side or the card side. */
const sideOfBranch: Record<string, Side> = {
  network: 'terminal',
  setup: 'terminal',
  host: 'terminal',
  balance: 'card',
  card: 'card',
  wallet: 'card',
  reading: 'card',
  limit: 'card',
  pin: 'card',
};

const rootId = 'diagnosis';
const ref = (step: StepId) => `#${rootId}.${step}`;

const initialContext: DiagnosisContext = {
  trail: [],
  side: null,
  match: null,
  pending: null,
  remembered: {},
  startedAt: null,
};

const machineSetup = setup({
  types: {
    context: {} as DiagnosisContext,
    events: {} as DiagnosisEvent,
  },
  guards: {
    /** The previous step on the trail is this one. */
    previousIs: ({ context }, params: { step: StepId | 'home' }) => context.trail.at(-1)?.step === params.step,
    /** The outcome of the matched symptom is unknown: check the last transaction first. */
    matchNeedsCheck: ({ event }) => event.type === 'symptom.matched' && event.match.unknownOutcome,
    /** The matched symptom named a response code: show its card before moving on. */
    matchHasCode: ({ event }) => event.type === 'symptom.matched' && event.match.code !== null,
    matchOpens: ({ event }, params: { step: StepId }) =>
      event.type === 'symptom.matched' && event.match.step === params.step,
    /** Resume where the symptom pointed, unless that is the safety check just passed. */
    resumesAt: ({ context }, params: { step: StepId }) =>
      context.pending === params.step && !params.step.startsWith('safety.'),
    isCardSide: ({ context }) => context.side === 'card',
    matchedUnknown: ({ context }) => context.match?.unknownOutcome === true,
    opens: ({ event }, params: { step: StepId }) => event.type === 'step.open' && event.step === params.step,
    /** The step to change was answered earlier in this diagnosis. */
    changes: ({ context, event }, params: { step: StepId }) =>
      event.type === 'answer.change' &&
      event.step === params.step &&
      context.trail.some((entry) => entry.step === params.step),
  },
  actions: {
    recordAnswer: assign(({ context }, params: { step: StepId; answer: AnswerId }) => ({
      trail: [...context.trail, params],
      remembered: { ...context.remembered, [params.step]: params.answer },
    })),
    /** Drops the trail from the step being changed onwards; remembered answers stay as suggestions. */
    rewind: assign({
      trail: ({ context, event }) => {
        if (event.type !== 'answer.change') return context.trail;
        const at = context.trail.findIndex((entry) => entry.step === event.step);
        return at < 0 ? context.trail : context.trail.slice(0, at);
      },
    }),
    leaveHome: assign({ trail: () => [{ step: 'home', answer: null }] }),
    /** A new diagnosis begins: remember when, if the event says. */
    stampStart: assign({
      startedAt: ({ event }) =>
        (event.type === 'diagnosis.start' || event.type === 'symptom.matched' || event.type === 'step.open') &&
        typeof event.at === 'string'
          ? event.at
          : null,
    }),
    popTrail: assign({ trail: ({ context }) => context.trail.slice(0, -1) }),
    enterSide: assign({ side: (_, params: { side: Side }) => params.side }),
    rememberMatch: assign({ match: ({ event }) => (event.type === 'symptom.matched' ? event.match : null) }),
    /** The symptom's step waits behind the code card or the status check. */
    holdPending: assign({ pending: ({ event }) => (event.type === 'symptom.matched' ? event.match.step : null) }),
    clearPending: assign({ pending: null }),
    holdStep: assign({ pending: (_, params: { step: StepId }) => params.step }),
    reset: assign(() => initialContext),
  },
});

/** One guarded transition per step: the machine, not the UI, owns every jump. */
function jumpTo(guard: 'previousIs' | 'resumesAt' | 'matchOpens' | 'opens' | 'changes', actions: readonly unknown[]) {
  return stepIds.map((step) => ({ guard: { type: guard, params: { step } }, target: ref(step), actions }));
}

function answerTransitions(step: FlowStep) {
  const answers: Partial<Record<AnswerId, Target>> = flow[step];
  return Object.fromEntries(
    Object.entries(answers).map(([answer, target]) => {
      const record = { type: 'recordAnswer', params: { step, answer } };
      const resume = [
        ...jumpTo('resumesAt', [record, 'clearPending']),
        { target: ref('scope.cards'), actions: [record] },
      ];
      if (target === 'resume') return [`answer.${answer}`, resume];
      if (target === 'route') {
        return [
          `answer.${answer}`,
          [{ guard: 'matchedUnknown', target: ref('safety.query'), actions: [record] }, ...resume],
        ];
      }
      if (target === 'check') {
        return [
          `answer.${answer}`,
          { target: ref('safety.query'), actions: [record, { type: 'holdStep', params: { step } }] },
        ];
      }
      if (target === 'escalate') {
        return [
          `answer.${answer}`,
          [
            { guard: 'isCardSide', target: ref('done.issuer'), actions: [record] },
            { target: ref('done.acquirer'), actions: [record] },
          ],
        ];
      }
      return [`answer.${answer}`, { target: ref(target), actions: [record] }];
    }),
  );
}

/** Builds the nested state config: one compound state per branch, one leaf per step. */
function branchStates() {
  const branches: Record<string, { initial: string; entry?: unknown; states: Record<string, unknown> }> = {};
  for (const step of stepIds) {
    const [branch, leaf] = step.split('.') as [string, string];
    const info = stepRegistry[step];
    const side = sideOfBranch[branch];
    branches[branch] ??= {
      initial: leaf,
      ...(side ? { entry: { type: 'enterSide', params: { side } } } : {}),
      states: {},
    };
    branches[branch].states[leaf] =
      info.kind === 'outcome'
        ? { type: 'final', meta: { step, kind: info.kind }, tags: ['outcome'] }
        : { meta: { step, kind: info.kind }, on: answerTransitions(step as FlowStep) };
  }
  return branches;
}

/**
 * The diagnosis of a terminated contactless payment: safety gate, scope, then the suspects of one side
 * in the order a merchant's checklist follows, each remedy followed by "did it work?", ending in an outcome.
 */
export const diagnosisMachine = machineSetup.createMachine({
  id: rootId,
  initial: 'home',
  context: initialContext,
  on: {
    'session.restart': { target: '.home', actions: 'reset' },
    'step.open': jumpTo('opens', ['reset', 'leaveHome', 'stampStart']) as never,
    'answer.change': jumpTo('changes', ['rewind']) as never,
    'nav.back': [
      ...(jumpTo('previousIs', ['popTrail']) as never[]),
      { guard: { type: 'previousIs', params: { step: 'home' } }, target: '.home', actions: 'reset' },
    ],
  },
  states: {
    home: {
      meta: { step: 'home', kind: 'home' },
      on: {
        'diagnosis.start': { target: ref('gate.charged'), actions: ['leaveHome', 'stampStart'] },
        'symptom.matched': [
          {
            guard: 'matchHasCode',
            target: ref('lookup.code'),
            actions: ['leaveHome', 'stampStart', 'rememberMatch', 'holdPending'],
          },
          {
            guard: 'matchNeedsCheck',
            target: ref('safety.query'),
            actions: ['leaveHome', 'stampStart', 'rememberMatch', 'holdPending'],
          },
          ...(jumpTo('matchOpens', ['leaveHome', 'stampStart', 'rememberMatch']) as never[]),
        ],
      },
    },
    ...(branchStates() as Record<string, never>),
  },
});

export type DiagnosisMachine = typeof diagnosisMachine;

/** The step the snapshot is on, or 'home'. */
export function currentStep(snapshot: { getMeta: () => Record<string, unknown> }): StepId | 'home' {
  for (const meta of Object.values(snapshot.getMeta())) {
    const step = (meta as { step?: unknown } | undefined)?.step;
    if (step === 'home' || isStepId(step)) return step;
  }
  return 'home';
}
