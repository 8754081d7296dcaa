import type about from '../../content/zh-CN/about.json';
import type codes from '../../content/zh-CN/codes.json';
import type common from '../../content/zh-CN/common.json';
import type lookup from '../../content/zh-CN/lookup.json';
import type map from '../../content/zh-CN/map.json';
import type messages from '../../content/zh-CN/messages.json';
import type pwa from '../../content/zh-CN/pwa.json';
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
 * diagnosis (map, about, case summary) and load with them; `seats` (step texts as a support agent's seat says
 * them) loads once support mode is on.
 */
export const namespaces = [...startNamespaces, 'map', 'about', 'summary', 'seats'] as const;

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
  seats: typeof seats;
}
