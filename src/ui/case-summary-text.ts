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
  if (summary.jumps.length > 0) {
    lines.push('', t('summary:jumpsTitle'));
    for (const jump of summary.jumps) lines.push(t('summary:jump', { code: jump.stepCode, step: title(jump.step) }));
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
  const noteBlock = summary.note ? ['', redact(t('summary:noteTitle')), redact(summary.note)] : [];
  const version = redact(t('summary:version', { app: summary.appVersion, content: summary.contentVersion }));
  return [head, ...fieldsBlock, ...noteBlock, '', version].join('\n');
}

/**
 * The case as a ticket takes it: one labelled field a line ("Merchant ID: …"), so an agent pastes it into any
 * ticket form. Redacted like the summary; only an accepted 商户号 line is exempt.
 */
export function renderTicket(summary: CaseSummary, t: Translate): string {
  const text = contentText(t);
  const code = summary.how.code ?? '';
  const title = (step: StepId) => text.stepTitle(step, { code });
  const label = (name: string) => t(`summary:ticket.labels.${name}`);
  const none = t('summary:ticket.none');
  const line = (name: string, value: string) => `${label(name)}: ${value}`;
  const end =
    summary.outcome ??
    (summary.currentStep === 'home' ? null : { step: summary.currentStep, stepCode: summary.currentStepCode ?? '' });
  const lines = [
    line('case', howLine(summary, t)),
    // ISO time: a ticket system reads it in any language and time zone.
    line('started', summary.startedAt ?? none),
    line('outcome', end ? `[${end.stepCode}] ${title(end.step)}` : none),
    line('escalateTo', summary.outcome?.escalateTo ? text.escalationName(summary.outcome.escalateTo) : none),
    line(
      'path',
      [...summary.answers.map((a) => a.stepCode), ...summary.remediesTried.map((r) => r.stepCode)].join(' ') || none,
    ),
    line('jumps', summary.jumps.map((jump) => `[${jump.stepCode}] ${title(jump.step)}`).join('; ') || none),
  ].map(redact);
  for (const name of caseFieldNames) {
    const raw = summary.fields[name];
    const checked = raw === undefined ? null : validateCaseField(name, raw);
    if (checked?.status !== 'ok') continue;
    const field = line(name === 'reference' ? referenceKind(checked.value) : name, checked.value);
    lines.push(name === 'merchantId' ? field : redact(field));
  }
  lines.push(redact(line('note', summary.note ?? none)));
  lines.push(redact(line('version', `${summary.appVersion} / ${summary.contentVersion}`)));
  return lines.join('\n');
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
