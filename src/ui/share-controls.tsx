import { useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShareBridge } from './share-bridge.ts';
import './share-controls.css';

type Status = 'shared' | 'copied' | 'selected' | null;

interface ShareControlsProps {
  text: string;
  bridge: ShareBridge;
  /** The element showing the text: selected when neither the share sheet nor the clipboard works. */
  target: RefObject<HTMLElement | null>;
  /** Runs first, e.g. to check the form once more. */
  beforeShare?: () => void;
}

/** Share sheet where there is one, else the clipboard, else the text selected for a long-press copy; all offline. */
export function ShareControls({ text, bridge, target, beforeShare }: ShareControlsProps) {
  const { t } = useTranslation('summary');
  const [status, setStatus] = useState<Status>(null);

  async function share() {
    beforeShare?.();
    setStatus(null);
    if (bridge.share) {
      try {
        await bridge.share({ text });
        setStatus('shared');
        return;
      } catch (error) {
        // The merchant closed the share sheet: nothing to say, nothing to fall back to.
        if (error instanceof DOMException && error.name === 'AbortError') return;
      }
    }
    if (bridge.copy) {
      try {
        await bridge.copy(text);
        setStatus('copied');
        return;
      } catch {
        // No clipboard permission (or an old WebView): select the text instead.
      }
    }
    selectText(target.current);
    setStatus('selected');
  }

  return (
    <div className="share">
      <button type="button" className="answer primary" data-action="share" onClick={() => void share()}>
        {bridge.share ? t('share.share') : t('share.copy')}
      </button>
      <p className="share-status" role="status">
        {status ? t(`share.${status}`) : null}
      </p>
    </div>
  );
}

function selectText(element: HTMLElement | null) {
  const selection = element ? globalThis.getSelection?.() : null;
  if (!element || !selection) return;
  // Focus first: moving focus afterwards may collapse the selection.
  element.focus();
  const range = document.createRange();
  range.selectNodeContents(element);
  selection.removeAllRanges();
  selection.addRange(range);
}
