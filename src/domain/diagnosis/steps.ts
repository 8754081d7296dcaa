/**
 * The step registry: every screen of the diagnosis, keyed by its step id.
 * A step id is the machine state path ("network.signal") and the content key (steps.network.signal).
 */

/** question: pick one answer; remedy: do the numbered steps, then say if it worked; outcome: the end. */
export type StepKind = 'question' | 'remedy' | 'outcome' | 'code';

/** Who the merchant or cardholder should call when an outcome is not resolved at the counter. */
export type Escalation = 'issuer' | 'acquirer' | 'carrier';

export interface StepInfo {
  readonly kind: StepKind;
  /**
   * Short code shown on screen so support can say "read me the code at the top"; stable across releases.
   * Letters A, C, P, Y and Z are avoided: response codes use them (A0, C1, P1, Y1, Z3).
   */
  readonly code: string;
  /** Who to call next (outcomes only). */
  readonly escalateTo?: Escalation;
}

export const stepRegistry = {
  'lookup.code': { kind: 'code', code: 'Q1' },
  'gate.charged': { kind: 'question', code: 'G1' },
  'safety.query': { kind: 'question', code: 'S1' },
  'safety.reversal': { kind: 'question', code: 'S2' },
  'scope.cards': { kind: 'question', code: 'D1' },
  'scope.test': { kind: 'question', code: 'D2' },
  'network.signal': { kind: 'question', code: 'N1' },
  'network.fix': { kind: 'remedy', code: 'N2' },
  'network.otherDevices': { kind: 'question', code: 'N3' },
  'setup.signOn': { kind: 'question', code: 'T1' },
  'setup.signOnFix': { kind: 'remedy', code: 'T2' },
  'setup.settleFix': { kind: 'remedy', code: 'T3' },
  'setup.reader': { kind: 'remedy', code: 'T4' },
  'host.wait': { kind: 'remedy', code: 'H1' },
  'balance.check': { kind: 'question', code: 'B1' },
  'balance.fix': { kind: 'remedy', code: 'B2' },
  'card.status': { kind: 'question', code: 'K1' },
  'card.other': { kind: 'remedy', code: 'K2' },
  'wallet.device': { kind: 'question', code: 'W1' },
  'wallet.unlock': { kind: 'remedy', code: 'W2' },
  'wallet.fallback': { kind: 'remedy', code: 'W3' },
  'reading.placement': { kind: 'remedy', code: 'R1' },
  'reading.chip': { kind: 'remedy', code: 'R2' },
  'limit.check': { kind: 'question', code: 'L1' },
  'limit.insert': { kind: 'remedy', code: 'L2' },
  'pin.retry': { kind: 'remedy', code: 'V1' },
  'operator.check': { kind: 'remedy', code: 'O1' },
  'done.resolved': { kind: 'outcome', code: 'E1' },
  'done.paid': { kind: 'outcome', code: 'E2', escalateTo: 'acquirer' },
  'done.doubleCharge': { kind: 'outcome', code: 'E3', escalateTo: 'acquirer' },
  'done.statusUnknown': { kind: 'outcome', code: 'E4', escalateTo: 'acquirer' },
  'done.acquirer': { kind: 'outcome', code: 'E5', escalateTo: 'acquirer' },
  'done.carrier': { kind: 'outcome', code: 'E6', escalateTo: 'carrier' },
  'done.issuer': { kind: 'outcome', code: 'E7', escalateTo: 'issuer' },
  'done.cardBlocked': { kind: 'outcome', code: 'E8', escalateTo: 'issuer' },
  'done.pinLocked': { kind: 'outcome', code: 'E9', escalateTo: 'issuer' },
} as const satisfies Record<string, StepInfo>;

export type StepId = keyof typeof stepRegistry;

/** The first part of a step id: the machine's compound state for it. */
export type Branch = StepId extends `${infer B}.${string}` ? B : never;

/** Which side of the counter the suspects are on: the terminal (every card fails) or this card/phone. */
export type Side = 'terminal' | 'card';

/** Groups of the flow map, in the order a merchant's checklist walks them (content: map.json `groups`). */
export const groupIds = [
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
] as const;

export type GroupId = (typeof groupIds)[number];

/**
 * Every branch with the side its suspects sit on (entering it sets the side that picks the escalation; null
 * leaves the side as it was) and its flow-map group. A branch missing here is a type error.
 */
export const branches = {
  gate: { side: null, group: 'safety' },
  safety: { side: null, group: 'safety' },
  scope: { side: null, group: 'scope' },
  network: { side: 'terminal', group: 'network' },
  setup: { side: 'terminal', group: 'setup' },
  host: { side: 'terminal', group: 'host' },
  balance: { side: 'card', group: 'balance' },
  card: { side: 'card', group: 'card' },
  wallet: { side: 'card', group: 'wallet' },
  reading: { side: 'card', group: 'reading' },
  limit: { side: 'card', group: 'limit' },
  pin: { side: 'card', group: 'limit' },
  operator: { side: null, group: 'operator' },
  done: { side: null, group: 'done' },
  lookup: { side: null, group: 'lookup' },
} as const satisfies Record<Branch, { readonly side: Side | null; readonly group: GroupId }>;

export const branchOf = (step: StepId): Branch => step.slice(0, step.indexOf('.')) as Branch;

export const stepIds = Object.keys(stepRegistry) as StepId[];

export function isStepId(value: unknown): value is StepId {
  return typeof value === 'string' && Object.hasOwn(stepRegistry, value);
}

export function stepInfo(step: StepId): StepInfo {
  return stepRegistry[step];
}

/** Finds a step by the short code a caller reads out; case and surrounding spaces don't matter. */
export function stepByCode(code: string): StepId | null {
  const wanted = code.trim().toUpperCase();
  return stepIds.find((id) => stepRegistry[id].code === wanted) ?? null;
}
