import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  caseFieldNames,
  validateCaseField,
  type CaseFieldError,
  type CaseFieldName,
} from '../domain/case/case-fields.ts';
import { buildCaseSummary } from '../domain/case/case-summary.ts';
import { renderCaseSummary, renderTicket } from './case-summary-text.ts';
import { useContent } from './content.ts';
import { currentStep, isAtOutcome } from '../domain/diagnosis/diagnosis.machine.ts';
import { DiagnosisActor } from './diagnosis-actor.ts';
import { PageFrame } from './page-frame.tsx';
import type { ShareBridge } from './share-bridge.ts';
import { ShareControls } from './share-controls.tsx';

interface SummaryPageProps {
  appVersion: string;
  contentVersion: string;
  share: ShareBridge;
  now: () => Date;
  onClose: () => void;
  /** The support agent's note for this case (masked in the summary); empty outside support mode. */
  note?: string;
}

type Fields = Record<CaseFieldName, string>;
type Flags = Partial<Record<CaseFieldName, boolean>>;

const emptyFields: Fields = { merchantId: '', terminalId: '', amount: '', cardLast4: '', reference: '' };

/** The keyboard each field needs: the ids take letters as well as digits, so they get the full keyboard. */
const inputModes: Record<CaseFieldName, 'text' | 'decimal' | 'numeric'> = {
  merchantId: 'text',
  terminalId: 'text',
  amount: 'decimal',
  cardLast4: 'numeric',
  reference: 'text',
};

/**
 * The case summary of the running diagnosis, with optional transaction details to add and share now.
 * The details live only in this page's state: they are never stored, and a full card number is refused.
 */
export function SummaryPage({ appVersion, contentVersion, share, now, onClose, note = '' }: SummaryPageProps) {
  const { t } = useTranslation('summary');
  const { t: tAny } = useContent();
  const snapshot = DiagnosisActor.useSelector((s) => s);
  const step = currentStep(snapshot);
  const finished = isAtOutcome(snapshot);
  const [openedAt] = useState(now);
  const [fields, setFields] = useState<Fields>(emptyFields);
  /** Fields left at least once: their errors show from then on. */
  const [checked, setChecked] = useState<Flags>({});
  /** Fields whose card number was just cleared: the refusal stays until the merchant types there again. */
  const [refused, setRefused] = useState<Flags>({});
  const textRef = useRef<HTMLPreElement>(null);
  const previewId = useId();

  const summary = buildCaseSummary({
    context: snapshot.context,
    currentStep: step,
    startedAt: snapshot.context.startedAt,
    endedAt: finished ? openedAt : null,
    fields,
    note,
    appVersion,
    contentVersion,
  });
  const text = renderCaseSummary(summary, tAny);
  const ticket = renderTicket(summary, tAny);

  /** Judges a field the merchant has left: a card number is cleared at once, never kept or shown again. */
  function check(names: readonly CaseFieldName[]) {
    const cleared = names.filter((name) => {
      const result = validateCaseField(name, fields[name]);
      return result.status === 'error' && result.error === 'cardNumber';
    });
    if (cleared.length > 0) {
      setFields((current) => ({ ...current, ...Object.fromEntries(cleared.map((name) => [name, ''])) }));
      setRefused((current) => ({ ...current, ...Object.fromEntries(cleared.map((name) => [name, true])) }));
    }
    setChecked((current) => ({ ...current, ...Object.fromEntries(names.map((name) => [name, true])) }));
  }

  function errorOf(name: CaseFieldName): CaseFieldError | null {
    if (refused[name]) return 'cardNumber';
    if (!checked[name]) return null;
    const result = validateCaseField(name, fields[name]);
    // While typing, a card number is only judged when the field is left (a 商户号 passes through such prefixes).
    return result.status === 'error' && result.error !== 'cardNumber' ? result.error : null;
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    check(caseFieldNames);
  }

  return (
    <PageFrame page="summary" title={t('page.title')} onClose={onClose}>
      <p className="lead">{t('page.lead')}</p>
      <form className="case-form" noValidate onSubmit={onSubmit}>
        <fieldset>
          <legend>{t('form.title')}</legend>
          {caseFieldNames.map((name) => (
            <CaseField
              key={name}
              name={name}
              value={fields[name]}
              error={errorOf(name)}
              onChange={(value) => {
                setFields((current) => ({ ...current, [name]: value }));
                setRefused((current) => ({ ...current, [name]: false }));
              }}
              onBlur={() => check([name])}
            />
          ))}
        </fieldset>
        <p className="fine not-saved">{t('form.notSaved')}</p>
      </form>
      <h2 id={previewId}>{t('preview.title')}</h2>
      <pre className="summary-text" ref={textRef} tabIndex={0} aria-labelledby={previewId} data-summary="text">
        {text}
      </pre>
      <ShareControls text={text} bridge={share} target={textRef} beforeShare={() => check(caseFieldNames)} />
      <TicketCopy text={ticket} bridge={share} beforeCopy={() => check(caseFieldNames)} />
    </PageFrame>
  );
}

interface CaseFieldProps {
  name: CaseFieldName;
  value: string;
  error: CaseFieldError | null;
  onChange: (value: string) => void;
  onBlur: () => void;
}

function CaseField({ name, value, error, onChange, onBlur }: CaseFieldProps) {
  const { t } = useTranslation('summary');
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className={error ? 'field has-error' : 'field'} data-field={name}>
      <label htmlFor={id}>{t(`form.labels.${name}`)}</label>
      <p className="field-hint" id={hintId}>
        {t(`form.hints.${name}`)}
      </p>
      <input
        id={id}
        name={`case-${name}`}
        type="text"
        inputMode={inputModes[name]}
        autoComplete="off"
        autoCapitalize={inputModes[name] === 'text' ? 'characters' : 'off'}
        autoCorrect="off"
        spellCheck={false}
        enterKeyHint="done"
        maxLength={64}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${errorId} ${hintId}` : hintId}
        onChange={(event) => onChange(event.target.value)}
        onBlur={onBlur}
      />
      {error ? (
        <p className="field-error" id={errorId}>
          {t(`form.errors.${error}`)}
        </p>
      ) : null}
    </div>
  );
}

/** The case in labelled fields for a ticket form: copied to the clipboard, else selected for a manual copy. */
function TicketCopy({ text, bridge, beforeCopy }: { text: string; bridge: ShareBridge; beforeCopy: () => void }) {
  const { t } = useTranslation('summary');
  const [status, setStatus] = useState<'copied' | 'selected' | null>(null);
  const target = useRef<HTMLPreElement>(null);
  const titleId = useId();

  async function copy() {
    beforeCopy();
    setStatus(null);
    if (bridge.copy) {
      try {
        await bridge.copy(text);
        setStatus('copied');
        return;
      } catch {
        // No clipboard permission: select the text instead.
      }
    }
    const selection = globalThis.getSelection?.();
    if (target.current && selection) {
      target.current.focus();
      const range = document.createRange();
      range.selectNodeContents(target.current);
      selection.removeAllRanges();
      selection.addRange(range);
    }
    setStatus('selected');
  }

  return (
    <section className="ticket" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('ticket.title')}</h2>
      <pre className="summary-text" ref={target} tabIndex={0} aria-labelledby={titleId} data-summary="ticket">
        {text}
      </pre>
      <button type="button" className="answer" data-action="copy-ticket" onClick={() => void copy()}>
        {t('ticket.copy')}
      </button>
      {status ? (
        <p className="share-status" role="status">
          {status === 'copied' ? t('ticket.copied') : t('share.selected')}
        </p>
      ) : null}
    </section>
  );
}
