import { and, assign, raise, setup } from 'xstate';
import type { SymptomMatch } from '../lookup/symptom-match.ts';
import { asksPin, edgesOf, pinEntriesAllowed, type AnswerId, type Leg } from './flow.ts';
import {
  branches,
  branchOf,
  confirmingQuestion,
  isStepId,
  stepIds,
  stepRegistry,
  type Side,
  type StepId,
  type StepKind,
} from './steps.ts';

/** A step left behind, and the answer that left it (null when the app jumped, e.g. from a symptom). */
export interface TrailEntry {
  readonly step: StepId | 'home';
  readonly answer: AnswerId | null;
  /** Support opened this step by its code from here (the caller was there when they called). */
  readonly opened?: StepId;
  /** What the POS screen showed, given on this step (a response code or a message id): it chose the next step. */
  readonly evidence?: { readonly code: string | null; readonly message: string | null };
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
  /** Wrong PIN entries reported in this diagnosis (a code 55 counts one); never lowered by Back. */
  readonly pinWrong: number;
  /** "No clear result" reports in this diagnosis (an unknown-outcome symptom counts one); never lowered by Back. */
  readonly unclear: number;
}

/** XState's own jump: every step state has `route`, so this event enters the step it names. */
export type RouteEvent = { type: 'xstate.route'; to: `#${typeof rootId}.${StepId}` };

/** `at` on the events that begin a diagnosis: the ISO time the UI stamps, so the machine needs no clock. */
export type DiagnosisEvent =
  /** An answer names the step it was shown on: a late second tap cannot answer the next question. */
  | { type: `answer.${AnswerId}`; step: StepId }
  | { type: 'diagnosis.start'; at?: string }
  | { type: 'symptom.matched'; match: SymptomMatch; at?: string }
  /** What the POS screen shows, picked on the evidence question (`step`) from the code or message tables. */
  | { type: 'evidence.shown'; step: StepId; match: SymptomMatch }
  /** `from`: the step on screen when support opened another; with it, the case so far is kept. */
  | { type: 'step.open'; step: StepId; at?: string; from?: StepId }
  | { type: 'nav.back' }
  | { type: 'answer.change'; step: StepId }
  | { type: 'session.restart' }
  | RouteEvent;

/** What every state says about itself: the step id (= content key) and its kind. */
export interface StepMeta {
  readonly step: StepId | 'home';
  readonly kind: StepKind | 'home';
}

const rootId = 'diagnosis';
const ref = (step: StepId) => `#${rootId}.${step}` as const;

const initialContext: DiagnosisContext = {
  trail: [],
  side: null,
  match: null,
  pending: null,
  remembered: {},
  startedAt: null,
  pinWrong: 0,
  unclear: 0,
};

/** The symptom is evidence the terminal itself gave (a response code or a screen message), not words. */
const fromTheScreen = (match: SymptomMatch | null) => match !== null && match.via !== 'words';

/** Two wrong PINs were given: no step may ask for another. */
const pinSpent = (context: DiagnosisContext) => context.pinWrong >= pinEntriesAllowed;

/** Where any jump to `step` lands: never on a step that asks for a PIN once two wrong PINs were given. */
const enterable = (step: StepId, context: DiagnosisContext): StepId =>
  asksPin(step) && pinSpent(context) ? 'done.pinStop' : step;

/**
 * The step to continue at after the code card, the charged question or a cleared status check; null when nothing
 * is waiting. A step stating a fact only the screen establishes (51) opens its confirming question when the symptom
 * came from words.
 */
function resumeStep(context: DiagnosisContext): StepId | null {
  const { pending } = context;
  if (pending === null || branchOf(pending) === 'safety' || branchOf(pending) === 'gate') return null;
  const question = confirmingQuestion[pending];
  return question && !fromTheScreen(context.match) ? question : pending;
}

/** This diagnosis already checked the last transaction's status (the charged question's "not sure" path). */
const statusChecked = (context: DiagnosisContext) => context.trail.some((entry) => entry.step === 'safety.query');

/** How far Back goes: the last step on the trail that may still be shown (a PIN step is skipped once PINs ran out). */
function backIndex(context: DiagnosisContext): number {
  const { trail } = context;
  for (let at = trail.length - 1; at >= 0; at -= 1) {
    const step = trail[at]?.step;
    if (step === 'home' || (step !== undefined && enterable(step, context) === step)) return at;
  }
  return 0;
}

const isAnswer = (type: string, answer: AnswerId) => type === `answer.${answer}`;

/** The trail up to `at`; the screen's evidence given after that point is forgotten with it. */
function cut(context: DiagnosisContext, at: number): Partial<DiagnosisContext> {
  const dropsEvidence = context.trail.slice(at).some((entry) => entry.evidence !== undefined);
  return dropsEvidence ? { trail: context.trail.slice(0, at), match: null } : { trail: context.trail.slice(0, at) };
}

const machineSetup = setup({
  types: {
    context: {} as DiagnosisContext,
    events: {} as DiagnosisEvent,
    meta: {} as StepMeta,
    tags: {} as StepKind,
  },
  guards: {
    /** The answer was given on this step (a late tap from the previous step is ignored). */
    answerFor: ({ event }, params: { step: StepId }) => 'step' in event && event.step === params.step,
    /** This answer is the second "no clear result" of the diagnosis: stop checking and escalate. */
    unclearAgain: ({ context, event }) => isAnswer(event.type, 'unknown') && context.unclear >= 1,
    /** With this answer, two wrong PINs have been given: no step may ask for another. */
    pinSpent: ({ context, event }) =>
      context.pinWrong + (isAnswer(event.type, 'pinWrong') ? 1 : 0) >= pinEntriesAllowed,
    /**
     * The screen says the outcome may be unknown (a timeout): check the last transaction first, unless this
     * diagnosis has just done so.
     */
    evidenceNeedsCheck: ({ context, event }) =>
      event.type === 'evidence.shown' && event.match.unknownOutcome && !statusChecked(context),
    /** Words are not evidence: the charged question comes first. */
    matchFromWords: ({ event }) => event.type === 'symptom.matched' && event.match.via === 'words',
    /** The matched symptom's outcome is unknown: check the last transaction first. */
    matchNeedsCheck: ({ event }) => event.type === 'symptom.matched' && event.match.unknownOutcome,
    /** The matched symptom named a refusal code: show its card before moving on (approvals open their outcome). */
    matchHasCode: ({ event }) =>
      event.type === 'symptom.matched' && event.match.code !== null && event.match.category !== null,
    matchedUnknown: ({ context }) => context.match?.unknownOutcome === true,
    isCardSide: ({ context }) => context.side === 'card',
    /** A step is waiting behind the code card or the status check. */
    hasPending: ({ context }) => resumeStep(context) !== null,
    /** Back from the first step leaves the diagnosis. */
    backLeaves: ({ context }) => context.trail.length > 0 && context.trail[backIndex(context)]?.step === 'home',
    backSteps: ({ context }) => isStepId(context.trail[backIndex(context)]?.step),
    /** Support opens a step in a running case: what is known stays, the jump joins the trail. */
    keepsCase: ({ context, event }) =>
      event.type === 'step.open' && event.from !== undefined && context.trail.length > 0,
    /** The step to change was answered earlier in this diagnosis. */
    answeredEarlier: ({ context, event }) =>
      event.type === 'answer.change' && context.trail.some((entry) => entry.step === event.step),
  },
  actions: {
    /** The one jump: named once, carried out by XState's route transitions. */
    routeTo: raise(({ context }, params: { step: StepId }): RouteEvent => ({
      type: 'xstate.route',
      to: ref(enterable(params.step, context)),
    })),
    recordAnswer: assign(({ context }, params: { step: StepId; answer: AnswerId }) => ({
      trail: [...context.trail, params],
      remembered: { ...context.remembered, [params.step]: params.answer },
      pinWrong: context.pinWrong + (params.answer === 'pinWrong' ? 1 : 0),
      unclear: context.unclear + (params.answer === 'unknown' ? 1 : 0),
    })),
    /** The screen's evidence joins the trail of the step it was given on, and counts what it reports. */
    recordEvidence: assign(({ context, event }) => {
      if (event.type !== 'evidence.shown') return {};
      const { match } = event;
      return {
        trail: [
          ...context.trail,
          { step: event.step, answer: null, evidence: { code: match.code, message: match.message } },
        ],
        match,
        pinWrong: context.pinWrong + (match.step === 'pin.retry' ? 1 : 0),
        unclear: context.unclear + (match.unknownOutcome && !statusChecked(context) ? 1 : 0),
      };
    }),
    holdEvidence: assign({ pending: ({ event }) => (event.type === 'evidence.shown' ? event.match.step : null) }),
    /** Drops the trail from the step being changed onwards; remembered answers stay as suggestions. */
    rewind: assign(({ context, event }) => {
      if (event.type !== 'answer.change') return {};
      const at = context.trail.findIndex((entry) => entry.step === event.step);
      return at < 0 ? {} : cut(context, at);
    }),
    leaveHome: assign({ trail: () => [{ step: 'home', answer: null }] }),
    /** The jump is a trail entry of the step left (the home entry when the case starts there): Back undoes it. */
    noteJump: assign({
      trail: ({ context, event }) => {
        if (event.type !== 'step.open') return context.trail;
        if (event.from === undefined || context.trail.length === 0)
          return [{ step: 'home', answer: null, opened: event.step }];
        return [...context.trail, { step: event.from, answer: null, opened: event.step }];
      },
    }),
    /** A new diagnosis begins: remember when, if the event says. */
    stampStart: assign({
      startedAt: ({ event }) =>
        (event.type === 'diagnosis.start' || event.type === 'symptom.matched' || event.type === 'step.open') &&
        typeof event.at === 'string'
          ? event.at
          : null,
    }),
    /** Back drops the trail from the step it returns to. */
    popTrail: assign(({ context }) => cut(context, backIndex(context))),
    enterSide: assign({ side: (_, params: { side: Side }) => params.side }),
    /** The symptom is remembered, and counts what it reports: a wrong PIN (it opens the PIN step), an unclear result. */
    rememberMatch: assign(({ event }) =>
      event.type === 'symptom.matched'
        ? {
            match: event.match,
            pinWrong: event.match.step === 'pin.retry' ? 1 : 0,
            unclear: event.match.unknownOutcome ? 1 : 0,
          }
        : {},
    ),
    /** The symptom's step waits behind the code card or the status check. */
    holdPending: assign({ pending: ({ event }) => (event.type === 'symptom.matched' ? event.match.step : null) }),
    clearPending: assign({ pending: null }),
    holdStep: assign({ pending: (_, params: { step: StepId }) => params.step }),
    reset: assign(() => initialContext),
  },
});

type StateConfig = Parameters<typeof machineSetup.createStateConfig>[0];
type AnswerTransition = Exclude<
  NonNullable<StateConfig['on']>[`answer.${AnswerId}`],
  string | undefined | readonly unknown[]
>;

/** The transition that takes one leg of an answer; `returnHere` happens later, through the status check. */
function legTransition(step: StepId, answer: AnswerId, leg: Leg): AnswerTransition[] {
  const record = { type: 'recordAnswer', params: { step, answer } } as const;
  const here = { type: 'answerFor', params: { step } } as const;
  switch (leg.when) {
    case 'always':
    case 'terminalSide':
    case 'otherwise':
      return [{ guard: here, target: ref(leg.step), actions: [record] }];
    case 'cardSide':
      return [{ guard: and([here, 'isCardSide']), target: ref(leg.step), actions: [record] }];
    case 'unknownOutcome':
      return [{ guard: and([here, 'matchedUnknown']), target: ref(leg.step), actions: [record] }];
    case 'unclearAgain':
      return [{ guard: and([here, 'unclearAgain']), target: ref(leg.step), actions: [record] }];
    case 'pinSpent':
      return [{ guard: and([here, 'pinSpent']), target: ref(leg.step), actions: [record] }];
    case 'checkFirst':
      return [{ guard: here, target: ref(leg.step), actions: [record, { type: 'holdStep', params: { step } }] }];
    case 'matched':
      return [
        {
          guard: and([here, 'hasPending']),
          actions: [
            record,
            { type: 'routeTo', params: ({ context }) => ({ step: resumeStep(context) ?? 'scope.cards' }) },
            'clearPending',
          ],
        },
      ];
    case 'returnHere':
      return [];
  }
}

/** A step's state: its answers from the flow table, reachable by route, tagged with its kind. */
function stepState(step: StepId): StateConfig {
  const { kind } = stepRegistry[step];
  const common = { id: `${rootId}.${step}`, meta: { step, kind }, tags: [kind], route: {} } as const;
  const on: Partial<Record<`answer.${AnswerId}`, AnswerTransition[]>> = {};
  for (const edge of edgesOf(step)) {
    on[`answer.${edge.answer}`] = edge.legs.flatMap((leg) => legTransition(step, edge.answer, leg));
  }
  if ('asksEvidence' in stepRegistry[step])
    return { ...common, on: { ...on, 'evidence.shown': evidenceTransitions(step) } };
  // An outcome is final; some still offer "the new attempt gave no clear result".
  return kind === 'outcome' ? { ...common, type: 'final', on } : { ...common, on };
}

/** What the POS screen shows opens its step at once; a possible charge is checked first. */
function evidenceTransitions(step: StepId): NonNullable<StateConfig['on']>['evidence.shown'] {
  const here = { type: 'answerFor', params: { step } } as const;
  return [
    {
      guard: and([here, 'evidenceNeedsCheck']),
      target: ref('safety.query'),
      actions: ['recordEvidence', 'holdEvidence'],
    },
    {
      guard: here,
      actions: [
        'recordEvidence',
        {
          type: 'routeTo',
          params: ({ event }) => ({ step: event.type === 'evidence.shown' ? event.match.step : step }),
        },
      ],
    },
  ];
}

/** One compound state per branch (entering it sets the side its suspects are on), one leaf per step. */
function branchStates(): Record<string, StateConfig> {
  const states: Record<string, StateConfig & { states: Record<string, StateConfig> }> = {};
  for (const step of stepIds) {
    const branch = branchOf(step);
    const leaf = step.slice(branch.length + 1);
    const { side } = branches[branch];
    states[branch] ??= {
      initial: leaf,
      ...(side ? { entry: { type: 'enterSide', params: { side } } } : {}),
      states: {},
    };
    states[branch].states[leaf] = stepState(step);
  }
  return states;
}

/**
 * The diagnosis of a terminated contactless payment: safety gate, scope, then the suspects of one side
 * in the order a merchant's checklist follows, each remedy followed by "did it work?", ending in an outcome.
 * Every jump (open by code, back, change an answer, a matched symptom, resume) is one `routeTo`.
 */
const createDiagnosisMachine = () =>
  machineSetup.createMachine({
    id: rootId,
    initial: 'home',
    context: initialContext,
    on: {
      'session.restart': { target: '.home', actions: 'reset' },
      'step.open': [
        {
          // Nothing is waiting behind the status check any more: the agent chose where the caller is.
          guard: 'keepsCase',
          actions: ['noteJump', 'clearPending', { type: 'routeTo', params: ({ event }) => ({ step: event.step }) }],
        },
        {
          actions: [
            'reset',
            'stampStart',
            'noteJump',
            { type: 'routeTo', params: ({ event }) => ({ step: event.step }) },
          ],
        },
      ],
      'answer.change': {
        guard: 'answeredEarlier',
        actions: ['rewind', { type: 'routeTo', params: ({ event }) => ({ step: event.step }) }],
      },
      'nav.back': [
        { guard: 'backLeaves', target: '.home', actions: 'reset' },
        {
          guard: 'backSteps',
          actions: [{ type: 'routeTo', params: ({ context }) => ({ step: previousStep(context) }) }, 'popTrail'],
        },
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
            {
              guard: 'matchFromWords',
              target: ref('gate.charged'),
              actions: ['leaveHome', 'stampStart', 'rememberMatch', 'holdPending'],
            },
            {
              actions: [
                'leaveHome',
                'stampStart',
                'rememberMatch',
                { type: 'routeTo', params: ({ event }) => ({ step: event.match.step }) },
              ],
            },
          ],
        },
      },
      ...branchStates(),
    },
  });

export type DiagnosisMachine = ReturnType<typeof createDiagnosisMachine>;

let diagnosisMachine: DiagnosisMachine | undefined;

/**
 * The one diagnosis machine, built on first use: building every step's state node is a third of the app's
 * start-up script at 4× CPU, so main.tsx builds it in a task of its own instead of during the script's evaluation.
 */
export function getDiagnosisMachine(): DiagnosisMachine {
  diagnosisMachine ??= createDiagnosisMachine();
  return diagnosisMachine;
}

/** The step Back returns to (guarded by backSteps, so it is a step). */
function previousStep(context: DiagnosisContext): StepId {
  const step = context.trail[backIndex(context)]?.step;
  return isStepId(step) ? step : 'gate.charged';
}

/** The step the snapshot is on, or 'home'. */
export function currentStep(snapshot: { getMeta: () => Record<string, StepMeta | undefined> }): StepId | 'home' {
  for (const meta of Object.values(snapshot.getMeta())) {
    if (meta && (meta.step === 'home' || isStepId(meta.step))) return meta.step;
  }
  return 'home';
}

/** The diagnosis has ended: the machine tags outcome states. */
export function isAtOutcome(snapshot: { hasTag: (tag: StepKind) => boolean }): boolean {
  return snapshot.hasTag('outcome');
}
