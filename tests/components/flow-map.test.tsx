import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import type { StepId } from '../../src/domain/diagnosis/steps.ts';
import type { Language } from '../../src/i18n/languages.ts';
import { createI18n } from '../../src/i18n/setup.ts';
import { FlowMap } from '../../src/ui/flow-map.tsx';
import { TextProvider } from '../../src/ui/text.tsx';
import { resources, text } from '../support/content.ts';

const map = (key: string, locale = 'zh-CN') => text(locale, 'map', key);
const title = (step: StepId, locale = 'zh-CN') => text(locale, 'steps', `${step}.title`);
const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '');

async function renderMap(language: Language | 'cimode' = 'zh-CN') {
  const i18n = await createI18n({ language: language as Language, resources });
  const onOpenStep = vi.fn<(step: StepId) => void>();
  const onClose = vi.fn<() => void>();
  const user = userEvent.setup();
  const view = render(
    <I18nextProvider i18n={i18n}>
      <TextProvider>
        <FlowMap onOpenStep={onOpenStep} onClose={onClose} />
      </TextProvider>
    </I18nextProvider>,
  );
  return { user, onOpenStep, onClose, ...view };
}

/** Every non-blank text node, hidden ones included, one entry each. */
function textNodes(root: Node): string[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const found: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const value = node.textContent?.trim() ?? '';
    if (value) found.push(value);
  }
  return found;
}

/** The toggle of a step in the outline: its code and its title. */
const stepButton = (step: StepId, code: string, locale = 'zh-CN') =>
  screen.getByRole('button', { name: new RegExp(`${code}.*${title(step, locale)}`) });

describe('the flow map', () => {
  it('opens with its title focused and every branch folded', async () => {
    await renderMap();
    expect(screen.getByRole('heading', { level: 1, name: map('page.title') })).toHaveFocus();
    const branches = screen.getAllByRole('button', { expanded: false }).filter((b) => b.closest('h2'));
    expect(branches).toHaveLength(13);
    expect(branches[0]).toHaveTextContent(map('groups.safety'));
  });

  it('unfolds a branch into its steps and a step into its answers, codes and messages', async () => {
    const { user } = await renderMap();
    await user.click(screen.getByRole('button', { name: new RegExp(`^${map('groups.balance')}`) }));
    await user.click(stepButton('balance.fix', 'B-2'));
    expect(stepButton('balance.fix', 'B-2')).toHaveAttribute('aria-expanded', 'true');
    const step = stepButton('balance.fix', 'B-2').closest('li') as HTMLElement;
    expect(within(step).getByText(text('zh-CN', 'steps', 'balance.fix.options.notFixed'))).toBeVisible();
    expect(
      within(step).getByRole('button', { name: fill(map('node.show'), { title: title('network.signal') }) }),
    ).toBeVisible();
    expect(within(step).getByText('51')).toBeVisible();
    expect(within(step).getByText(text('zh-CN', 'messages', 'insufficientBalance.label'))).toBeVisible();
  });

  it('finds a step by the code support reads out ("N-2", or "N2" as an older note has it)', async () => {
    const { user } = await renderMap();
    await user.type(screen.getByRole('searchbox', { name: map('search.label') }), 'N2');
    expect(screen.getByRole('status')).toHaveTextContent(fill(map('search.found'), { count: '1' }));
    expect(stepButton('network.fix', 'N-2')).toHaveAttribute('aria-expanded', 'true');
    expect(screen.queryByRole('button', { name: new RegExp(title('network.signal')) })).toBeNull();
  });

  it('finds the step a response code lands on ("51" → the balance step)', async () => {
    const { user } = await renderMap();
    await user.type(screen.getByRole('searchbox'), '51');
    expect(stepButton('balance.fix', 'B-2')).toBeVisible();
    expect(screen.getByRole('button', { name: new RegExp(`^${map('groups.balance')}`) })).toHaveAttribute(
      'aria-expanded',
      'true',
    );
  });

  it('finds steps by the words of their text in the current language', async () => {
    const { user } = await renderMap('en');
    await user.type(screen.getByRole('searchbox'), 'sign on');
    expect(stepButton('setup.signOnFix', 'T-2', 'en')).toBeVisible();
    expect(screen.queryByRole('button', { name: new RegExp(title('balance.fix', 'en')) })).toBeNull();
  });

  it('says so when nothing matches', async () => {
    const { user } = await renderMap();
    await user.type(screen.getByRole('searchbox'), 'zzzz');
    expect(screen.getByRole('status')).toHaveTextContent(map('search.none'));
    await user.click(screen.getByRole('button', { name: map('search.clear') }));
    expect(screen.getByRole('searchbox')).toHaveValue('');
  });

  it('opens a step in the diagnosis', async () => {
    const { user, onOpenStep } = await renderMap();
    await user.type(screen.getByRole('searchbox'), 'N2');
    await user.click(
      screen.getByRole('button', { name: fill(map('node.openLabel'), { title: title('network.fix') }) }),
    );
    expect(onOpenStep).toHaveBeenCalledExactlyOnceWith('network.fix');
  });

  it('follows an answer to the step it leads to', async () => {
    const { user } = await renderMap();
    await user.type(screen.getByRole('searchbox'), 'N2');
    await user.click(
      screen.getByRole('button', { name: fill(map('node.show'), { title: title('network.otherDevices') }) }),
    );
    expect(screen.getByRole('searchbox')).toHaveValue('');
    expect(stepButton('network.otherDevices', 'N-3')).toHaveAttribute('aria-expanded', 'true');
    expect(stepButton('network.otherDevices', 'N-3')).toHaveFocus();
  });

  it('says what "escalate" means: the issuer on the card side, the acquirer on the terminal side', async () => {
    const { user } = await renderMap();
    await user.type(screen.getByRole('searchbox'), 'O-1');
    const step = stepButton('operator.check', 'O-1').closest('li') as HTMLElement;
    expect(within(step).getByText(map('leg.cardSide'))).toBeVisible();
    expect(
      within(step).getByRole('button', { name: fill(map('node.show'), { title: title('done.issuer') }) }),
    ).toBeVisible();
    expect(within(step).getByText(map('leg.terminalSide'))).toBeVisible();
    expect(
      within(step).getByRole('button', { name: fill(map('node.show'), { title: title('done.acquirer') }) }),
    ).toBeVisible();
  });

  it('closes from the button at the top', async () => {
    const { user, onClose } = await renderMap();
    await user.click(screen.getByRole('button', { name: text('zh-CN', 'common', 'page.close') }));
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('speaks Traditional Chinese', async () => {
    await renderMap('zh-Hant');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(map('page.title', 'zh-Hant'));
    expect(screen.getByRole('button', { name: new RegExp(`^${map('groups.wallet', 'zh-Hant')}`) })).toBeVisible();
  });

  it('renders no literal text of its own (cimode shows keys, step codes and response codes only)', async () => {
    const { container } = await renderMap('cimode');
    // Unfold every branch and every step, so each text the map can show is on the page.
    act(() => container.querySelectorAll<HTMLButtonElement>('button[aria-expanded="false"]').forEach((b) => b.click()));
    expect(container.querySelectorAll('button[aria-expanded="false"]')).toHaveLength(0);
    const texts = textNodes(container);
    expect(texts.length).toBeGreaterThan(500);
    expect(texts.filter((value) => !/^([\w-]+(\.[\w-]+)+|[A-Z]?-?\d+)$/.test(value))).toEqual([]);
  });
});
