import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { caseFieldNames, type CaseFieldError, type CaseFieldName } from '../domain/case/case-fields.ts';
import type { CaseFieldsState } from './case-fields-state.ts';

/** The keyboard each field needs: the ids take letters as well as digits, so they get the full keyboard. */
const inputModes: Record<CaseFieldName, 'text' | 'decimal' | 'numeric'> = {
  merchantId: 'text',
  terminalId: 'text',
  amount: 'decimal',
  cardLast4: 'numeric',
  reference: 'text',
};

interface CaseFieldsFormProps {
  state: CaseFieldsState;
  /** Says where the details go (and that they are not kept), unless the page says it elsewhere. */
  footnote?: string;
}

/** The five optional transaction details, shared by the case summary and the agent's desk. */
export function CaseFieldsForm({ state, footnote }: CaseFieldsFormProps) {
  const { t } = useTranslation('summary');
  return (
    <form
      className="case-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        state.check();
      }}
    >
      <fieldset>
        <legend>{t('form.title')}</legend>
        {caseFieldNames.map((name) => (
          <CaseField
            key={name}
            name={name}
            value={state.fields[name]}
            error={state.errorOf(name)}
            onChange={(value) => state.change(name, value)}
            onBlur={() => state.check([name])}
          />
        ))}
      </fieldset>
      {footnote ? <p className="fine not-saved">{footnote}</p> : null}
    </form>
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
