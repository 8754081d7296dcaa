import { WarningNote } from './warning-note.tsx';

interface NumberedStepsProps {
  title: string;
  items: readonly string[] | undefined;
  /** The step's warning, shown inside the numbered step it qualifies (not as a preface to the whole list). */
  warning?: string | undefined;
  /** 0-based index of that numbered step (src/ui/warning-place.ts). */
  warningAt?: number;
}

/** What to do, in order: the action comes first on remedy and outcome screens, each warning beside its step. */
export function NumberedSteps({ title, items, warning, warningAt = (items?.length ?? 1) - 1 }: NumberedStepsProps) {
  if (!items?.length) return <WarningNote text={warning} />;
  return (
    <section className="numbered">
      {/* Numbers say "in order" on screen; a screen reader still hears the list named. */}
      <h2 className="visually-hidden">{title}</h2>
      <ol>
        {items.map((item, index) => (
          <li key={item}>
            {item}
            {index === warningAt ? <WarningNote text={warning} /> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
