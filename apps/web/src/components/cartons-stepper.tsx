import { Button } from 'antd-mobile';

/** − [n] + for cartons, each part named for screen readers and tests ("中华(软)数量（条）"). */
export function CartonsStepper({
  label,
  value,
  onChange,
}: {
  label: string;
  value: number;
  onChange: (value: number) => void;
}) {
  const set = (next: number) =>
    onChange(Math.max(0, Math.min(10000, Number.isFinite(next) ? Math.trunc(next) : 0)));
  return (
    <span className="stepper" role="group" aria-label={label}>
      <Button
        size="mini"
        fill="outline"
        aria-label={`减少${label}`}
        disabled={value <= 0}
        onClick={() => set(value - 1)}
      >
        −
      </Button>
      <input
        type="number"
        inputMode="numeric"
        min={0}
        max={10000}
        value={value}
        aria-label={label}
        onChange={(event) => set(Number(event.target.value))}
      />
      <Button size="mini" fill="outline" aria-label={`增加${label}`} onClick={() => set(value + 1)}>
        +
      </Button>
    </span>
  );
}
