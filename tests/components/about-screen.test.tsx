import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import type { Language } from '../../src/i18n/languages.ts';
import { contentVersion } from '../../src/i18n/content-version.ts';
import { createI18n } from '../../src/i18n/setup.ts';
import { buildId } from '../../src/pwa/build-id.ts';
import { AboutScreen } from '../../src/ui/about-screen.tsx';
import { resources, text } from '../support/content.ts';

const about = (key: string, locale = 'zh-CN') => text(locale, 'about', key);

async function renderAbout(language: Language | 'cimode' = 'zh-CN') {
  const i18n = await createI18n({ language: language as Language, resources });
  const onClose = vi.fn<() => void>();
  const user = userEvent.setup();
  const view = render(
    <I18nextProvider i18n={i18n}>
      <AboutScreen buildId={buildId} onClose={onClose} />
    </I18nextProvider>,
  );
  return { user, onClose, ...view };
}

/** The content version as vite.config.ts defines it, recomputed from the files. */
function expectedContentVersion(): string {
  const content = join(resolve(dirname(fileURLToPath(import.meta.url)), '../..'), 'content');
  const files = readdirSync(content, { recursive: true, encoding: 'utf8' })
    .map((file) => file.split('\\').join('/'))
    .filter((file) => file.endsWith('.json'))
    .sort();
  const hash = createHash('sha256');
  for (const file of files) {
    hash
      .update(`${file}\0`)
      .update(readFileSync(join(content, file)))
      .update('\0');
  }
  return hash.digest('hex').slice(0, 8);
}

describe('the about page', () => {
  it('says what the app is, where the codes come from and what it keeps', async () => {
    await renderAbout();
    expect(screen.getByRole('heading', { level: 1, name: about('page.title') })).toHaveFocus();
    expect(screen.getByText(text('zh-CN', 'common', 'app.name'))).toBeVisible();
    expect(screen.getByText(about('app.what'))).toBeVisible();
    expect(screen.getByRole('heading', { name: about('sources.title') })).toBeVisible();
    expect(screen.getByText(/Q\/CUP 006\.6-2015/)).toBeVisible();
    expect(screen.getByText(about('privacy.text'))).toBeVisible();
  });

  it('says once, in Traditional Chinese, that screen texts are quoted in the simplified characters the terminal prints', async () => {
    await renderAbout('zh-Hant');
    expect(screen.getByRole('heading', { name: about('quoting.title', 'zh-Hant') })).toBeVisible();
    expect(screen.getByText(about('quoting.text', 'zh-Hant'))).toHaveTextContent(/簡體字.*「请插卡」/);
  });

  it('shows the app build and the content version, a hash of every content file', async () => {
    await renderAbout('en');
    expect(screen.getByText(about('version.build', 'en')).nextElementSibling).toHaveTextContent(buildId);
    expect(screen.getByText(about('version.content', 'en')).nextElementSibling).toHaveTextContent(contentVersion);
    expect(contentVersion).toMatch(/^[0-9a-f]{8}$/);
    expect(contentVersion).toBe(expectedContentVersion());
  });

  it('closes from the button at the top', async () => {
    const { user, onClose } = await renderAbout('zh-Hant');
    await user.click(screen.getByRole('button', { name: text('zh-Hant', 'common', 'page.close') }));
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('renders no literal text of its own (cimode shows keys and the two versions only)', async () => {
    const { container } = await renderAbout('cimode');
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
    const texts: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node.textContent?.trim() ?? '');
    const words = texts.filter((value) => value && value !== buildId && value !== contentVersion);
    expect(words.length).toBeGreaterThan(5);
    expect(words.filter((value) => !/^[\w-]+(\.[\w-]+)+$/.test(value))).toEqual([]);
  });
});
