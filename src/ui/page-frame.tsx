import { useId, useLayoutEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface PageFrameProps {
  /** Which page this is (data-page, for styling and browser tests). */
  page: string;
  title: string;
  onClose: () => void;
  /** Focus returns to the heading whenever this changes (e.g. list ↔ one entry). */
  focusKey?: string;
  children: ReactNode;
}

/** A page shown in place of the diagnosis: a back button on top, then a heading that takes focus. */
export function PageFrame({ page, title, onClose, focusKey = page, children }: PageFrameProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  // In the commit that shows the page: no moment with the page on screen and focus left on the body.
  useLayoutEffect(() => {
    heading.current?.focus();
  }, [focusKey]);
  return (
    <section className={`page page-${page}`} data-page={page} aria-labelledby={headingId}>
      <div className="page-top">
        <button type="button" className="page-close" data-action="close-page" onClick={onClose}>
          {t('page.close')}
        </button>
      </div>
      <h1 id={headingId} ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {children}
    </section>
  );
}
