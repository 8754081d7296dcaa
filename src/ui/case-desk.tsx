import { useTranslation } from 'react-i18next';
import './case-desk.css';
import { CaseFieldsForm } from './case-fields-form.tsx';
import type { CaseFieldsState } from './case-fields-state.ts';
import { CaseNote } from './case-note.tsx';

interface CaseDeskProps {
  caseFields: CaseFieldsState;
  note: string;
  onNoteChange: (note: string) => void;
}

/** At the desk, the caller's case beside the step: the transaction details and the agent's note, typed as they talk. */
export function CaseDesk({ caseFields, note, onNoteChange }: CaseDeskProps) {
  const { t } = useTranslation();
  // The field labels are the case summary's content: the panel waits for it (it loads with this code).
  const { t: ts } = useTranslation('summary', { useSuspense: true });
  return (
    <aside className="case-desk" aria-label={t('support.case.title')} data-support="case">
      <CaseFieldsForm state={caseFields} />
      <CaseNote note={note} onChange={onNoteChange} hint={ts('form.notSavedWithCase')} />
    </aside>
  );
}
