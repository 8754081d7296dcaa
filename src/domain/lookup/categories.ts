/** Cause categories: exactly the slugs of the domain reference. */
export const categories = [
  'network',
  'terminal_setup',
  'amount_limit',
  'balance_account',
  'card_state',
  'phone_wallet',
  'reading_physical',
  'cardholder_verification',
  'operator_error',
  'issuer_acquirer_host',
] as const;

export type Category = (typeof categories)[number];

/** Who can fix a problem: the merchant at the counter, the cardholder, their bank, or the POS provider. */
export type Actor = 'merchant' | 'cardholder' | 'issuer' | 'acquirer';

/** Whether a fresh attempt is fine: now, only after a named fix, or not with this card. */
export type RetryAdvice = 'safe' | 'after-fix' | 'no';
