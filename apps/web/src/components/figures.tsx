export interface Figure {
  label: string;
  value: string;
  /** Shown in red (over a limit, below a target). */
  alarming?: boolean;
}

/** A row of big figures with their labels (each figure is named by its label for screen readers). */
export function Figures({ label, figures }: { label: string; figures: Figure[] }) {
  return (
    <section className="figures" aria-label={label}>
      {figures.map((figure) => (
        <div key={figure.label}>
          <output className={figure.alarming ? 'figure danger-text' : 'figure'} aria-label={figure.label}>
            {figure.value}
          </output>
          <div className="muted">{figure.label}</div>
        </div>
      ))}
    </section>
  );
}
