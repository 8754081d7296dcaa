import type about from '../../content/zh-CN/about.json';
import type codes from '../../content/zh-CN/codes.json';
import type common from '../../content/zh-CN/common.json';
import type lookup from '../../content/zh-CN/lookup.json';
import type map from '../../content/zh-CN/map.json';
import type messages from '../../content/zh-CN/messages.json';
import type pwa from '../../content/zh-CN/pwa.json';
import type scripts from '../../content/zh-CN/scripts.json';
import type seats from '../../content/zh-CN/seats.json';
import type steps from '../../content/zh-CN/steps.json';
import type summary from '../../content/zh-CN/summary.json';

/**
 * What the home screen and every step need: loaded before the app starts, in one chunk per language
 * (vite.config.ts) that the boot script preloads next to the entry.
 */
export const startNamespaces = ['common', 'steps', 'codes', 'lookup', 'messages', 'pwa'] as const;

/**
 * Namespaces: one content file each under content/<locale>/. Those after the start ones belong to pages off the
 * diagnosis (map, about, case summary) and load with them; the support namespaces load with support mode.
 */
export const namespaces = [...startNamespaces, 'map', 'about', 'summary', 'scripts', 'seats'] as const;

/**
 * Support mode's own text, never on a merchant's screen: `scripts` (what an agent reads out and listens for at each
 * step) and `seats` (step texts as a support agent's seat says them). Support mode waits for them before it shows.
 */
export const supportNamespaces = ['scripts', 'seats'] as const;

export type Namespace = (typeof namespaces)[number];

export type StartNamespace = (typeof startNamespaces)[number];

/** zh-CN is the type source: every other locale must have the same keys (checked by content:check). */
export interface Resources {
  common: typeof common;
  steps: typeof steps;
  codes: typeof codes;
  lookup: typeof lookup;
  messages: typeof messages;
  pwa: typeof pwa;
  map: typeof map;
  about: typeof about;
  summary: typeof summary;
  scripts: typeof scripts;
  seats: typeof seats;
}
