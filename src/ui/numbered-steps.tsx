interface NumberedStepsProps {
  title: string;
  items: readonly string[] | undefined;
}

export function NumberedSteps({ title, items }: NumberedStepsProps) {
  if (!items?.length) return null;
  return (
    <section className="numbered">
      <h2>{title}</h2>
      <ol>
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ol>
    </section>
  );
}
