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
   * Short code shown on screen so support can say "read me the code at the top": a letter, a hyphen and a number
   * ("N-2"). No response code has that shape (they are two characters, and acquirers print private ones such as
   * E1 or N1), so a step code can never be read as one; only the support-code box reads them.
   */
  readonly code: `${string}-${number}`;
  /** Who to call next (outcomes only). */
  readonly escalateTo?: Escalation;
  /**
   * The step asks for another attempt (a new tap, a retry, another card or way to pay): it must offer
   * "no clear result", which goes to the status check (the flow table's type requires the answer).
   */
  readonly asksRetry?: true;
  /** The step asks the customer to enter a PIN: it shows the tries usually left and offers "wrong PIN". */
  readonly asksPin?: true;
  /**
   * The step asks what the POS screen shows: a response code (keypad) or a message (buttons) opens its branch at
   * once (`evidence.shown`), through the same tables as the home search; the answers are for a blank screen.
   */
  readonly asksEvidence?: true;
}

/** How many wrong PIN entries an issuer usually allows in a day before it locks the card (issuer-specific). */
export const usualPinTries = 3;

export const stepRegistry = {
  'lookup.code': { kind: 'code', code: 'Q-1' },
  'gate.charged': { kind: 'question', code: 'G-1' },
  'safety.query': { kind: 'question', code: 'S-1' },
  'safety.reversal': { kind: 'remedy', code: 'S-2', asksRetry: true },
  'safety.duplicate': { kind: 'question', code: 'S-3' },
  'scope.cards': { kind: 'question', code: 'D-1', asksEvidence: true },
  'scope.test': { kind: 'remedy', code: 'D-2', asksRetry: true },
  'network.signal': { kind: 'question', code: 'N-1' },
  'network.fix': { kind: 'remedy', code: 'N-2', asksRetry: true },
  'network.otherDevices': { kind: 'question', code: 'N-3' },
  'setup.signOn': { kind: 'question', code: 'T-1' },
  'setup.signOnFix': { kind: 'remedy', code: 'T-2', asksRetry: true },
  'setup.settleFix': { kind: 'remedy', code: 'T-3', asksRetry: true },
  'setup.reader': { kind: 'remedy', code: 'T-4', asksRetry: true, asksPin: true },
  'setup.contactless': { kind: 'remedy', code: 'T-5', asksRetry: true, asksPin: true },
  'setup.printer': { kind: 'remedy', code: 'T-6', asksRetry: true },
  'setup.power': { kind: 'remedy', code: 'T-7', asksRetry: true },
  'host.wait': { kind: 'remedy', code: 'H-1', asksRetry: true },
  'host.cutover': { kind: 'remedy', code: 'H-2', asksRetry: true },
  'balance.check': { kind: 'question', code: 'B-1' },
  'balance.fix': { kind: 'remedy', code: 'B-2', asksRetry: true },
  'card.status': { kind: 'question', code: 'K-1' },
  'card.other': { kind: 'remedy', code: 'K-2', asksRetry: true },
  'card.foreign': { kind: 'remedy', code: 'K-3', asksRetry: true },
  'wallet.device': { kind: 'question', code: 'W-1' },
  'wallet.unlock': { kind: 'remedy', code: 'W-2', asksRetry: true },
  'wallet.fallback': { kind: 'remedy', code: 'W-3', asksRetry: true, asksPin: true },
  'wallet.nfc': { kind: 'remedy', code: 'W-4', asksRetry: true },
  'reading.placement': { kind: 'remedy', code: 'R-1', asksRetry: true },
  'reading.chip': { kind: 'remedy', code: 'R-2', asksRetry: true, asksPin: true },
  'reading.noMark': { kind: 'remedy', code: 'R-3', asksRetry: true, asksPin: true },
  'limit.check': { kind: 'question', code: 'L-1' },
  'limit.insert': { kind: 'remedy', code: 'L-2', asksRetry: true, asksPin: true },
  'limit.cardLimit': { kind: 'remedy', code: 'L-3', asksRetry: true },
  'pin.retry': { kind: 'remedy', code: 'V-1', asksRetry: true, asksPin: true },
  'operator.check': { kind: 'remedy', code: 'O-1', asksRetry: true },
  'done.resolved': { kind: 'outcome', code: 'E-1' },
  'done.paid': { kind: 'outcome', code: 'E-2', escalateTo: 'acquirer' },
  'done.doubleCharge': { kind: 'outcome', code: 'E-3', escalateTo: 'acquirer' },
  'done.statusUnknown': { kind: 'outcome', code: 'E-4', escalateTo: 'acquirer' },
  'done.acquirer': { kind: 'outcome', code: 'E-5', escalateTo: 'acquirer' },
  'done.carrier': { kind: 'outcome', code: 'E-6', escalateTo: 'carrier' },
  'done.issuer': { kind: 'outcome', code: 'E-7', escalateTo: 'issuer', asksRetry: true },
  'done.cardBlocked': { kind: 'outcome', code: 'E-8', escalateTo: 'issuer', asksRetry: true },
  'done.pinLocked': { kind: 'outcome', code: 'E-9', escalateTo: 'issuer', asksRetry: true },
  'done.pendingHold': { kind: 'outcome', code: 'F-1', escalateTo: 'acquirer' },
  'done.pinStop': { kind: 'outcome', code: 'F-2', escalateTo: 'issuer', asksRetry: true },
  'done.partial': { kind: 'outcome', code: 'F-3', asksRetry: true },
  'done.merchantRestricted': { kind: 'outcome', code: 'F-4', escalateTo: 'acquirer', asksRetry: true },
} as const satisfies Record<string, StepInfo>;

export type StepId = keyof typeof stepRegistry;

/**
 * Steps that state a fact only some evidence establishes (51: not enough money), with the question that confirms
 * it. A symptom opens such a step only through the code or screen message that says so; words open the question.
 */
export const confirmingQuestion: Readonly<Partial<Record<StepId, StepId>>> = {
  'balance.fix': 'balance.check',
  // "Charged twice" is settled by the terminal's own list, never by words (voiding a real sale refunds it).
  'done.doubleCharge': 'safety.duplicate',
};

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

/**
 * Finds a step by the short code a caller reads out, in the support-code box or a `#/code/…` link. Case, spaces and
 * the hyphen don't matter ("n2", "N 2", "N-2"), so links and notes from before the hyphen still open their step.
 */
export function stepByCode(code: string): StepId | null {
  const wanted = /^\s*([A-Za-z])\s*-?\s*(\d)\s*$/.exec(code);
  if (!wanted) return null;
  const normal = `${wanted[1]?.toUpperCase()}-${Number(wanted[2])}`;
  return stepIds.find((id) => stepRegistry[id].code === normal) ?? null;
}
