/** A plain HTML legend: cheaper than Recharts' measured one and readable in both themes. */
export function ChartLegend({
  items,
}: {
  items: Array<{ label: string; color: string; shape?: 'box' | 'line' }>;
}) {
  return (
    <div
      className="ml-chart-legend"
      style={{
        display: 'flex',
        gap: 14,
        justifyContent: 'center',
        fontSize: 12,
        color: 'var(--ml-chart-axis, #5d6473)',
        marginTop: 2,
      }}
    >
      {items.map((i) => (
        <span key={i.label} style={{ display: 'inline-flex', alignItems: 'center', gap: 5 }}>
          <span
            aria-hidden="true"
            style={
              i.shape === 'line'
                ? { width: 14, height: 2, background: i.color }
                : { width: 10, height: 10, background: i.color, borderRadius: 2 }
            }
          />
          {i.label}
        </span>
      ))}
    </div>
  );
}

/** Show about `wanted` category ticks whatever the number of points, without measuring every label. */
export function tickInterval(points: number, wanted = 6): number {
  return Math.max(0, Math.ceil(points / wanted) - 1);
}

/** For CartesianGrid's unused direction: without it Recharts still lays out (and measures) every tick. */
export const noLines = (): number[] => [];
