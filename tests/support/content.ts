import type { Resource } from 'i18next';

const files = import.meta.glob<{ default: Record<string, unknown> }>('../../content/*/*.json', { eager: true });

/** Every content file, as { locale: { namespace: json } }. */
export const contentByLocale: Record<string, Record<string, Record<string, unknown>>> = {};
for (const [path, module] of Object.entries(files)) {
  const [, locale, namespace] = /content\/([^/]+)\/([^/]+)\.json$/.exec(path) ?? [];
  if (!locale || !namespace) continue;
  (contentByLocale[locale] ??= {})[namespace] = module.default;
}

export const resources = contentByLocale as Resource;

/** Reads a dotted key from a nested content object. */
export function lookup(tree: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);
}

export function text(locale: string, namespace: string, key: string): string {
  const value = lookup(contentByLocale[locale]?.[namespace], key);
  if (typeof value !== 'string') throw new Error(`No text at ${locale}/${namespace}.json ${key}`);
  return value;
}
