/** A labelled progress bar; indeterminate when the fraction is unknown. */
export function ProgressBar({ label, fraction }: { label: string; fraction?: number }) {
  const known = typeof fraction === 'number' && Number.isFinite(fraction);
  const pct = known ? Math.round(Math.min(1, Math.max(0, fraction)) * 100) : undefined;
  return (
    <div
      className="progress"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={pct}
      data-indeterminate={!known}
    >
      <div style={{ width: `${pct ?? 30}%` }} />
    </div>
  );
}
