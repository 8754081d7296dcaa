/** The case summary as plain text for a call, a chat or the clipboard: every word from content. */
import type { CaseSummary } from '../domain/case/case-summary.ts';
import { caseFieldNames, referenceKind, validateCaseField } from '../domain/case/case-fields.ts';
import { redactCardNumbers } from '../domain/case/redact.ts';
import type { StepId } from '../domain/diagnosis/steps.ts';
import { contentText, type Translate } from './content.ts';

/**
 * Plain text for a phone call, a chat or the clipboard. Every label comes from content (namespace
 * 'summary' plus step, message, code and escalation keys); the text is redacted once more as a last guard,
 * except the line of an accepted 商户号, which may pass the Luhn check (see isMerchantNumber).
 */
export function renderCaseSummary(summary: CaseSummary, t: Translate): string {
  const text = contentText(t);
  const code = summary.how.code ?? '';
  // Step titles may name the response code ("应答码 {{code}}").
  const title = (step: StepId) => text.stepTitle(step, { code });
  const lines: string[] = [t('summary:title')];
  if (summary.startedAt) lines.push(t('summary:started', { time: new Date(summary.startedAt) }));
  if (summary.endedAt) lines.push(t('summary:ended', { time: new Date(summary.endedAt) }));
  lines.push(howLine(summary, t));

  if (summary.answers.length > 0) {
    lines.push('', t('summary:answersTitle'));
    for (const entry of summary.answers) {
      const answer = text.answerLabel(entry.step, entry.answer, { code });
      lines.push(t('summary:answer', { code: entry.stepCode, question: title(entry.step), answer }));
    }
  }
  if (summary.remediesTried.length > 0) {
    lines.push('', t('summary:remediesTitle'));
    for (const entry of summary.remediesTried) {
      const result = t(`summary:result.${entry.result}`);
      lines.push(t('summary:remedy', { code: entry.stepCode, remedy: title(entry.step), result }));
    }
  }

  lines.push('');
  if (summary.outcome) {
    lines.push(t('summary:outcome', { code: summary.outcome.stepCode, outcome: title(summary.outcome.step) }));
    if (summary.outcome.escalateTo) {
      lines.push(t('summary:escalation', { who: text.escalationName(summary.outcome.escalateTo) }));
    }
  } else if (summary.currentStep !== 'home') {
    lines.push(t('summary:current', { code: summary.currentStepCode ?? '', step: title(summary.currentStep) }));
  } else {
    lines.push(t('summary:notStarted'));
  }

  const fieldLines = caseFieldNames.flatMap((name) => {
    const raw = summary.fields[name];
    // Checked again: only a value the field accepts is shown, so only a 商户号 is exempt from redaction.
    const checked = raw === undefined ? null : validateCaseField(name, raw);
    if (checked?.status !== 'ok') return [];
    const { value } = checked;
    const label = name === 'reference' ? referenceKind(value) : name;
    const line = t(`summary:fields.${label}`, { value });
    return [name === 'merchantId' ? line : redactCardNumbers(line).text];
  });
  const head = redactCardNumbers(lines.join('\n')).text;
  const fieldsBlock = fieldLines.length > 0 ? ['', redact(t('summary:fieldsTitle')), ...fieldLines] : [];
  const version = redact(t('summary:version', { app: summary.appVersion, content: summary.contentVersion }));
  return [head, ...fieldsBlock, '', version].join('\n');
}

const redact = (text: string) => redactCardNumbers(text).text;

/** How the diagnosis was entered, as one line (also the history list's "how it started"). */
export function howLine(summary: CaseSummary, t: Translate): string {
  const { via, code, message } = summary.how;
  const text = contentText(t);
  if (via === 'code' && code) return t('summary:via.code', { code, meaning: text.codeText(code, 'meaning') });
  if (via === 'message' && message) return t('summary:via.message', { message: text.messageLabel(message) });
  if (via === 'words') return t('summary:via.words');
  return t('summary:via.guided');
}

