import { describe, expect, it, vi } from 'vitest';
import { createI18n, loadFallbackContent } from '../../src/i18n/setup.ts';
import { startNamespaces, supportNamespaces } from '../../src/i18n/resources.ts';
import { text } from '../support/content.ts';

describe('content loading at start (the generated virtual:tapfix-content loaders)', () => {
  it('an English start has every start namespace in English and nothing else yet', async () => {
    const i18n = await createI18n({ language: 'en' });
    for (const namespace of startNamespaces) expect(i18n.hasResourceBundle('en', namespace), namespace).toBe(true);
    expect(i18n.hasResourceBundle('en', 'map'), 'a page namespace waits for its page').toBe(false);
    for (const namespace of supportNamespaces) {
      expect(i18n.hasResourceBundle('en', namespace), `${namespace} waits for support mode`).toBe(false);
    }
    expect(i18n.hasResourceBundle('zh-CN', 'common'), 'the fallback waits for the app to start').toBe(false);
    expect(i18n.t('home.start')).toBe('Step by step');
  });

  it('loads the zh-CN fallback once asked, and a page namespace on demand', async () => {
    const i18n = await createI18n({ language: 'zh-Hant' });
    loadFallbackContent(i18n);
    await vi.waitFor(() => expect(i18n.hasResourceBundle('zh-CN', 'steps')).toBe(true));
    await vi.waitFor(() => expect(i18n.options.fallbackLng).toBe('zh-CN'));
    await i18n.loadNamespaces('map');
    expect(i18n.hasResourceBundle('zh-Hant', 'map')).toBe(true);
  });

  it('a zh-CN start needs no second language', async () => {
    const i18n = await createI18n({ language: 'zh-CN' });
    expect(i18n.options.fallbackLng).toEqual(['zh-CN']);
    loadFallbackContent(i18n);
    expect(i18n.languages).toEqual(['zh-CN']);
  });

  it('a start in support mode has its scripts and seats, in the start language, before the first screen', async () => {
    const i18n = await createI18n({ language: 'en', support: true });
    for (const namespace of [...startNamespaces, ...supportNamespaces]) {
      expect(i18n.hasResourceBundle('en', namespace), namespace).toBe(true);
    }
    expect(i18n.t('scripts:gate.charged.say')).toBe(text('en', 'scripts', 'gate.charged.say'));
  });
});
