/**
 * Real counter situations, as data: what the merchant sees, the ways in that need no typing, and how they would
 * answer each question given the facts of the situation. tests/support/situation-walker.ts walks them through the
 * machine; the unit test (tests/unit/situations.test.ts) and the bench (taps_*) both use it. When the flow changes,
 * add answers for new questions here; a step the walker meets without an answer is reported, not guessed.
 */
import type { AnswerId } from '../../src/domain/diagnosis/flow.ts';
import type { StepId } from '../../src/domain/diagnosis/steps.ts';
import type { ScreenMessageId } from '../../src/domain/lookup/screen-messages.ts';

/** A way in from the home screen without typing: a message chip, or the step-by-step start button. */
export type Entry = { readonly chip: ScreenMessageId } | { readonly start: true };

export interface Situation {
  readonly id: string;
  /** What the merchant sees at the counter. */
  readonly sees: string;
  /** Ways in, the one a merchant would take first listed first. */
  readonly entries: readonly Entry[];
  /** The answer the facts of this situation give at each step it may meet (remedies: did it work?). */
  readonly answers: Partial<Record<StepId, AnswerId>>;
  /**
   * What the POS screen shows, given on the evidence question: a response code keyed on its keypad (each character
   * a key press, counted apart from taps) or a message button. Absent: the screen shows nothing useful.
   */
  readonly screen?: { readonly code: string } | { readonly message: ScreenMessageId };
  /** The sale may have gone through: the status check must come before any advice. */
  readonly unknownOutcome: boolean;
  /** The first concrete actions that fit (a remedy or an outcome); the domain reference says which. */
  readonly fits: readonly StepId[];
  /**
   * Why today's flow cannot take this situation straight to a fitting action, when it cannot. The unit test
   * fails when a situation with a gap walks cleanly (the note is stale) or one without a gap does not.
   */
  readonly gap?: string;
}

const start = { start: true } as const;
const chip = (id: ScreenMessageId): Entry => ({ chip: id });
const declined = { 'gate.charged': 'declined' } as const;

/** The situations of the evidence-first issue (README "Taps to the first action"), then the other new causes. */
export const situations: readonly Situation[] = [
  {
    id: 'code51',
    sees: 'Response code 51 (可用余额不足) on the POS',
    entries: [chip('insufficientBalance'), start],
    answers: declined,
    screen: { code: '51' },
    unknownOutcome: false,
    fits: ['balance.fix'],
  },
  {
    id: 'code55',
    sees: 'Response code 55 (密码错) on the POS',
    entries: [start],
    answers: declined,
    screen: { code: '55' },
    unknownOutcome: false,
    fits: ['pin.retry'],
  },
  {
    id: 'code61or65',
    sees: "Response code 61 (交易金额超限) or 65 (超出消费次数限制): the card's own limit",
    entries: [start],
    answers: declined,
    screen: { code: '61' },
    unknownOutcome: false,
    fits: ['limit.cardLimit'],
  },
  {
    id: 'insertCard',
    sees: '请插卡 (insert card) on the POS',
    entries: [chip('insertCard'), start],
    answers: declined,
    screen: { message: 'insertCard' },
    unknownOutcome: false,
    fits: ['limit.insert'],
  },
  {
    id: 'multipleCards',
    sees: '多卡冲突 (more than one card in the field)',
    entries: [chip('multipleCards'), start],
    answers: declined,
    screen: { message: 'multipleCards' },
    unknownOutcome: false,
    fits: ['reading.placement'],
  },
  {
    id: 'readFailed',
    sees: '读卡失败 (card read failed)',
    entries: [chip('readFailed'), start],
    answers: declined,
    screen: { message: 'readFailed' },
    unknownOutcome: false,
    fits: ['reading.placement', 'reading.chip'],
  },
  {
    id: 'commTimeout',
    sees: '通讯超时 (communication timeout); the status check finds nothing and the reversal went through',
    entries: [chip('commTimeout'), start],
    answers: {
      'gate.charged': 'unknown',
      'safety.query': 'notFound',
      'safety.reversal': 'reversalOk',
    },
    screen: { message: 'commTimeout' },
    unknownOutcome: true,
    fits: ['network.fix'],
  },
  {
    id: 'signOnFirst',
    sees: '请先签到 (sign on first)',
    entries: [chip('signOnFirst'), start],
    answers: declined,
    screen: { message: 'signOnFirst' },
    unknownOutcome: false,
    fits: ['setup.signOnFix'],
  },
  {
    id: 'phoneDoneTerminalNothing',
    sees: "The customer's phone shows the payment done, the POS shows nothing; the status check finds the sale",
    entries: [start],
    answers: { 'gate.charged': 'unknown', 'safety.query': 'succeeded' },
    unknownOutcome: true,
    fits: ['done.paid'],
  },
  {
    id: 'phoneDoneNotFound',
    sees: "The customer's phone shows the payment done, the POS shows nothing; the status check does not find it",
    entries: [start],
    answers: { 'gate.charged': 'unknown', 'safety.query': 'notFound' },
    unknownOutcome: true,
    // The reversal watch is the action: take the payment again while watching the last one being reversed.
    fits: ['safety.reversal'],
  },
  {
    id: 'everyCardSinceMorning',
    sees: 'Every card has failed since opening this morning; 交易失败 without a code',
    entries: [start],
    answers: { 'gate.charged': 'declined', 'scope.cards': 'opening' },
    unknownOutcome: false,
    fits: ['setup.signOnFix'],
  },
  {
    id: 'foreignCard',
    sees: 'A card issued abroad (Visa/Mastercard) fails, no message; local cards work',
    entries: [start],
    answers: { 'gate.charged': 'declined', 'scope.cards': 'foreign' },
    unknownOutcome: false,
    fits: ['card.foreign'],
  },
  {
    id: 'printerOutOfPaper',
    sees: 'The printer ran out of paper: no receipt, so the merchant does not know whether the sale went through; the status check finds it',
    entries: [start],
    answers: { 'gate.charged': 'unknown', 'safety.query': 'succeeded' },
    unknownOutcome: true,
    fits: ['done.paid'],
  },
  {
    id: 'merchantRestricted',
    sees: '商户受限 (merchant restricted) on every card',
    entries: [start],
    answers: declined,
    screen: { message: 'merchantRestricted' },
    unknownOutcome: false,
    fits: ['done.merchantRestricted'],
  },
  {
    id: 'cutover',
    sees: 'Response code 90 (系统日切) a little before midnight',
    entries: [start],
    answers: declined,
    screen: { code: '90' },
    unknownOutcome: false,
    fits: ['host.cutover'],
  },
  {
    id: 'lowBattery',
    sees: '电量低 (low battery) on the POS, reads failing',
    entries: [start],
    answers: declined,
    screen: { message: 'lowBattery' },
    unknownOutcome: false,
    fits: ['setup.power'],
  },
  {
    id: 'noQuickPassMark',
    sees: 'A plastic card without the 闪付 mark; the POS shows nothing useful',
    entries: [start],
    answers: { 'gate.charged': 'declined', 'scope.cards': 'one', 'wallet.device': 'noMark' },
    unknownOutcome: false,
    fits: ['reading.noMark'],
  },
];
