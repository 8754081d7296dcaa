/** Namespaces: one content file each under content/<locale>/. */
export const namespaces = ['common', 'steps', 'codes', 'lookup', 'messages', 'pwa'] as const;

export type Namespace = (typeof namespaces)[number];

/** zh-CN is the type source: every other locale must have the same keys (checked by the parity test). */
export interface Resources {
  common: typeof import('../../content/zh-CN/common.json');
  steps: typeof import('../../content/zh-CN/steps.json');
  codes: typeof import('../../content/zh-CN/codes.json');
  lookup: typeof import('../../content/zh-CN/lookup.json');
  messages: typeof import('../../content/zh-CN/messages.json');
  pwa: typeof import('../../content/zh-CN/pwa.json');
}
