import type { ScreenMessageId } from './screen-messages.ts';

/**
 * The home-screen chips, most often seen first (a merchant's usual day: limits, collisions, phones, the network).
 * Apart from the message table, so the home screen can show them before the lookup has loaded.
 */
export const topMessages = [
  'insertCard',
  'multipleCards',
  'tryAgain',
  'seePhone',
  'readFailed',
  'commTimeout',
  'signOnFirst',
  'insufficientBalance',
] as const satisfies readonly ScreenMessageId[];

/**
 * The message buttons of the evidence question (what the POS screen shows), as printed: the home chips a merchant
 * meets most, and the causes only the screen names (a card the terminal does not take, a restricted merchant,
 * the printer, the battery, the nightly cut-over).
 */
export const evidenceMessages = [
  'insertCard',
  'multipleCards',
  'readFailed',
  'commTimeout',
  'signOnFirst',
  'seePhone',
  'cardNotSupported',
  'merchantRestricted',
  'printerPaper',
  'lowBattery',
  'cutover',
] as const satisfies readonly ScreenMessageId[];
