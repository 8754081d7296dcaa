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

export const situations: readonly Situation[] = [
  {
    id: 'code51',
    sees: 'Response code 51 (可用余额不足) on the terminal',
    entries: [chip('insufficientBalance'), start],
    answers: { 'gate.charged': 'declined', 'scope.cards': 'one', 'balance.check': 'yes' },
    unknownOutcome: false,
    fits: ['balance.fix'],
  },
  {
    id: 'code55',
    sees: 'Response code 55 (密码错) on the terminal',
    entries: [start],
    answers: {
      'gate.charged': 'declined',
      'scope.cards': 'one',
      'balance.check': 'no',
      'card.status': 'none',
      'wallet.device': 'card',
      'reading.placement': 'notFixed',
      'reading.chip': 'notFixed',
      'limit.check': 'pinWrong',
    },
    unknownOutcome: false,
    fits: ['pin.retry'],
    gap: 'no chip for a wrong PIN, and step by step the card-side checklist shows the two card-reading remedies before it asks about the PIN',
  },
  {
    id: 'code61or65',
    sees: 'Response code 61 (交易金额超限) or 65 (超出消费次数限制) on the terminal',
    entries: [start],
    answers: {
      'gate.charged': 'declined',
      'scope.cards': 'one',
      'balance.check': 'no',
      'card.status': 'none',
      'wallet.device': 'card',
      'reading.placement': 'notFixed',
      'reading.chip': 'notFixed',
      'limit.check': 'none',
      'operator.check': 'notFixed',
    },
    unknownOutcome: false,
    fits: ['card.other', 'done.issuer'],
    gap: "no question or chip for a limit the card's bank refused (61/65): step by step it passes the reading and till remedies before escalating to the issuer",
  },
  {
    id: 'insertCard',
    sees: '请插卡 (insert card) on the terminal',
    entries: [chip('insertCard')],
    answers: {},
    unknownOutcome: false,
    fits: ['limit.insert'],
  },
  {
    id: 'multipleCards',
    sees: '多卡冲突 (more than one card in the field)',
    entries: [chip('multipleCards')],
    answers: {},
    unknownOutcome: false,
    fits: ['reading.placement'],
  },
  {
    id: 'readFailed',
    sees: '读卡失败 (card read failed)',
    entries: [chip('readFailed')],
    answers: {},
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
      'scope.cards': 'all',
      'network.signal': 'problem',
    },
    unknownOutcome: true,
    fits: ['network.fix'],
  },
  {
    id: 'signOnFirst',
    sees: '请先签到 (sign on first)',
    entries: [chip('signOnFirst')],
    answers: {},
    unknownOutcome: false,
    fits: ['setup.signOnFix'],
  },
  {
    id: 'phoneDoneTerminalNothing',
    sees: "The customer's phone shows the payment done, the terminal shows nothing; the status check finds nothing",
    entries: [start],
    answers: {
      'gate.charged': 'unknown',
      'safety.query': 'notFound',
      'safety.reversal': 'reversalOk',
      'scope.cards': 'one',
      'balance.check': 'no',
      'card.status': 'none',
      'wallet.device': 'phone',
    },
    unknownOutcome: true,
    fits: ['wallet.unlock'],
  },
  {
    id: 'everyCardSinceMorning',
    sees: 'Every card has failed since opening this morning; 交易失败 without a code; the network is fine',
    entries: [start],
    answers: { 'gate.charged': 'declined', 'scope.cards': 'all', 'network.signal': 'ok', 'setup.signOn': 'none' },
    unknownOutcome: false,
    fits: ['setup.signOnFix'],
    gap: "sign-on is offered only when the screen asks for it; 'since this morning' (the first transaction of the day, the domain reference's cue for 签到) is never asked, so it lands on the reader check",
  },
  {
    id: 'foreignCard',
    sees: 'A card issued abroad (Visa/Mastercard) fails; local cards work',
    entries: [start],
    answers: {
      'gate.charged': 'declined',
      'scope.cards': 'one',
      'balance.check': 'no',
      'card.status': 'none',
      'wallet.device': 'card',
    },
    unknownOutcome: false,
    fits: ['card.other'],
    gap: "no question about the card's network or where it was issued (the domain reference covers UnionPay meanings only), so it lands on how the card is held",
  },
  {
    id: 'printerOutOfPaper',
    sees: 'The printer ran out of paper: no receipt, so the merchant does not know whether the sale went through; the status check finds it',
    entries: [start],
    answers: { 'gate.charged': 'unknown', 'safety.query': 'succeeded' },
    unknownOutcome: true,
    fits: ['done.paid'],
  },
];
