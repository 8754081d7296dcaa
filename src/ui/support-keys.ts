import { useEffect, type RefObject } from 'react';

interface SupportKeys {
  /** Whether 1–9 pick answers here (not on a step whose code pad takes the digits a caller reads out). */
  answerKeys: boolean;
  /** Answers in display order: key 1 is the first. */
  onAnswer: (index: number) => void;
  onBack: () => void;
  codeInput: RefObject<HTMLInputElement | null>;
}

/** Typing in a field (the code box, the note, a case field) never answers a question. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Desk keys in support mode: 1–9 answer, Backspace or Alt+← go back, / focuses the step-code box. */
export function useSupportKeys(enabled: boolean, { answerKeys, onAnswer, onBack, codeInput }: SupportKeys) {
  useEffect(() => {
    if (!enabled) return;
    function onKey(event: KeyboardEvent) {
      if (event.defaultPrevented || isTyping(event.target) || event.ctrlKey || event.metaKey) return;
      if (event.altKey) {
        if (event.key === 'ArrowLeft') {
          event.preventDefault();
          onBack();
        }
        return;
      }
      if (answerKeys && /^[1-9]$/.test(event.key)) {
        event.preventDefault();
        onAnswer(Number(event.key) - 1);
      } else if (event.key === 'Backspace') {
        event.preventDefault();
        onBack();
      } else if (event.key === '/') {
        event.preventDefault();
        codeInput.current?.focus();
      }
    }
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [enabled, answerKeys, onAnswer, onBack, codeInput]);
}
