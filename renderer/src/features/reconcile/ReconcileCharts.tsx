/**
 * The reconciliation charts (Recharts inside ChartFrame, which measures after the first paint and renders in a
 * transition): claimed against actual conversions by channel; daily spend by source with the gap shaded; credit
 * by channel under each model; the test/control series with the pre-period and the lift interval.
 */
import { memo, useCallback, useMemo } from 'react';
import { Area, Bar, BarChart, CartesianGrid, ComposedChart, Legend, Line, ReferenceArea, Tooltip, XAxis, YAxis } from 'recharts';
import { axisProps, ChartFrame, tooltipProps } from '../../charts/ChartFrame';
import type { ChartSize } from '../../charts/ChartFrame';
import { formatCompact } from '../../charts/format';
import { chartVar } from '../../charts/palette';
import { MODEL_LABELS, MODELS } from '../../../../shared/reconcile/attribution-models';
import type { AttributionSandbox } from '../../../../shared/reconcile/attribution-models';
import type { OverclaimResult } from '../../../../shared/reconcile/overclaim';
import type { LiftRun } from '../../../../shared/reconcile/run';
import type { SpendComparison } from '../../../../shared/reconcile/spend';

const MODEL_COLOURS = ['#4663d8', '#d9731f', '#3f9b6b', '#9b59b6', '#c93b3b', '#5d6473'];
const legendStyle = { fontSize: 12 } as const;

export const ClaimsChart = memo(function ClaimsChart({ oc }: { oc: OverclaimResult }) {
  const data = useMemo(
    () => [
      ...oc.claims.map((c) => ({ name: c.label, claimed: c.claimed, actual: c.truthForChannel })),
      { name: 'All platforms', claimed: oc.claimedTotal, actual: oc.truth.total },
    ],
    [oc],
  );
  const render = useCallback(
    ({ width, height }: ChartSize) => (
      <BarChart width={width} height={height} data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid vertical={false} stroke={chartVar('grid')} />
        <XAxis dataKey="name" {...axisProps} />
        <YAxis {...axisProps} width={44} tickFormatter={formatCompact} />
        <Tooltip {...tooltipProps} />
        <Legend wrapperStyle={legendStyle} />
        <Bar dataKey="claimed" name="Claimed by the platform" fill={chartVar('metric')} isAnimationActive={false} />
        <Bar dataKey="actual" name={`Actual (${oc.truth.kind})`} fill={chartVar('rows')} isAnimationActive={false} />
      </BarChart>
    ),
    [data, oc.truth.kind],
  );
  return <ChartFrame label="Claimed against actual conversions by channel" height={240} testId="chart-claims" render={render} />;
});

export const SpendChart = memo(function SpendChart({ spend, left, right }: { spend: SpendComparison; left: string; right: string }) {
  const data = useMemo(
    () => spend.daily.map((d) => ({ day: d.date.slice(5), left: d.left, right: d.right, gap: [Math.min(d.left, d.right), Math.max(d.left, d.right)] })),
    [spend],
  );
  const render = useCallback(
    ({ width, height }: ChartSize) => (
      <ComposedChart width={width} height={height} data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid vertical={false} stroke={chartVar('grid')} />
        <XAxis dataKey="day" {...axisProps} />
        <YAxis {...axisProps} width={52} tickFormatter={formatCompact} />
        <Tooltip {...tooltipProps} />
        <Legend wrapperStyle={legendStyle} />
        <Area dataKey="gap" name="Gap" fill={chartVar('error')} fillOpacity={0.25} stroke="none" isAnimationActive={false} />
        <Line dataKey="left" name={left} stroke={chartVar('rows')} dot={false} isAnimationActive={false} />
        <Line dataKey="right" name={right} stroke={chartVar('metric')} dot={false} isAnimationActive={false} />
      </ComposedChart>
    ),
    [data, left, right],
  );
  return <ChartFrame label="Daily spend by source, gap shaded" height={240} testId="chart-spend" render={render} />;
});

export const CreditChart = memo(function CreditChart({ sandbox }: { sandbox: AttributionSandbox }) {
  const data = useMemo(() => sandbox.channels.map((c) => ({ name: c.channel, ...c.conversions })), [sandbox]);
  const render = useCallback(
    ({ width, height }: ChartSize) => (
      <BarChart width={width} height={height} data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid vertical={false} stroke={chartVar('grid')} />
        <XAxis dataKey="name" {...axisProps} />
        <YAxis {...axisProps} width={44} tickFormatter={formatCompact} />
        <Tooltip {...tooltipProps} />
        <Legend wrapperStyle={legendStyle} />
        {MODELS.map((m, i) => (
          <Bar key={m} dataKey={m} name={MODEL_LABELS[m]} fill={MODEL_COLOURS[i]} isAnimationActive={false} />
        ))}
      </BarChart>
    ),
    [data],
  );
  return <ChartFrame label="Credit by channel under each model" height={260} testId="chart-credit" render={render} />;
});

export const LiftChart = memo(function LiftChart({ lift }: { lift: LiftRun }) {
  const data = useMemo(() => lift.days.map((d) => ({ day: d.date.slice(5), test: d.test, control: d.control })), [lift]);
  const first = data[0]?.day;
  const startDay = lift.testStart.slice(5);
  const before = data.filter((d) => d.day < startDay).at(-1)?.day;
  const render = useCallback(
    ({ width, height }: ChartSize) => (
      <ComposedChart width={width} height={height} data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid vertical={false} stroke={chartVar('grid')} />
        <XAxis dataKey="day" {...axisProps} />
        <YAxis {...axisProps} width={44} tickFormatter={formatCompact} />
        <Tooltip {...tooltipProps} />
        <Legend wrapperStyle={legendStyle} />
        {first && before && <ReferenceArea x1={first} x2={before} fill={chartVar('grid')} fillOpacity={0.6} label={{ value: 'pre-period', fontSize: 11, fill: chartVar('axis') }} />}
        <Line dataKey="test" name="Test group" stroke={chartVar('rows')} dot={false} isAnimationActive={false} />
        <Line dataKey="control" name="Control group" stroke={chartVar('metric')} dot={false} isAnimationActive={false} />
      </ComposedChart>
    ),
    [data, first, before],
  );
  return (
    <>
      <ChartFrame label="Test and control groups per day, pre-period shaded" height={240} testId="chart-lift" render={render} />
      <p className="ml-muted" data-testid="lift-interval">
        Lift over {lift.estimate.testDays} test days: {Math.round(lift.estimate.incremental)} (95% interval {Math.round(lift.estimate.low)} to {Math.round(lift.estimate.high)}).
      </p>
    </>
  );
});
