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
