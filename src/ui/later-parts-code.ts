/** The parts of screens that are never the first one, in one chunk the app fetches when idle (later-parts.tsx). */
export { CodeCard, CodeReminder } from './code-card.tsx';
export { OutcomeView } from './outcome-view.tsx';
export { SuccessMark } from './success-mark.tsx';
export { EvidenceLine, UnderstoodNote } from './understood-note.tsx';
export { InstallOffer } from './install-offer.tsx';
export { SupportBox } from './support-box.tsx';
