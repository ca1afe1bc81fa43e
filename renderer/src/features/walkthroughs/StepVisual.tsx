/**
 * The part of the data a step talks about, drawn next to its text. Each visual carries the step's
 * `highlight` id as its data-testid, so the player outlines it while the step is shown.
 */
import { attributionRunFor } from '../../../../shared/mesh/walkthroughs/honest-attribution';
import { governanceReport, productFromContext } from '../../../../shared/mesh/walkthroughs';
import type { Answers } from '../../../../shared/mesh/walkthroughs';
import type { MeshContext } from '../../../../shared/mesh/types';


function Table({ id, head, rows }: { id: string; head: string[]; rows: (string | number)[][] }) {
  return (
    <table className="mesh-table mesh-visual" data-testid={id}>
      <thead>
        <tr>
          {head.map((h) => (
            <th key={h}>{h}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.length ? (
          rows.map((r, i) => (
            <tr key={i}>
              {r.map((c, j) => (
                <td key={j}>{c}</td>
              ))}
            </tr>
          ))
        ) : (
          <tr>
            <td colSpan={head.length} className="muted">
              Nothing to show.
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}

export function StepVisual({ id, ctx, answers }: { id: string | undefined; ctx: MeshContext; answers: Answers }) {
  const f = ctx.active;
  switch (id) {
    case 'dataset-summary':
      return (
        <Table
          id={id}
          head={['Rows', 'Columns', 'Platform', 'Title lines skipped', 'Total rows removed']}
          rows={[[f.rows, f.columns.length, f.platform ?? 'unknown', f.skippedLines, f.summaryRows]]}
        />
      );
    case 'column-roles':
      return <Table id={id} head={['Column', 'Type', 'Role', 'Empty', 'Examples']} rows={f.columns.map((c) => [c.name, c.type, c.role ?? '–', c.nulls, c.examples.join(', ')])} />;
    case 'date-coverage':
      return (
        <Table
          id={id}
          head={['Date column', 'First', 'Last', 'Days', 'Days with rows', 'Missing days']}
          rows={f.dates ? [[f.dates.column, f.dates.start, f.dates.end, f.dates.days, f.dates.distinctDates, f.dates.missingDays]] : []}
        />
      );
    case 'findings-list':
      return <Table id={id} head={['Finding', 'Severity', 'Rows', 'Catalogue owner']} rows={f.findings.map((x) => [x.column ? `${x.title} (${x.column})` : x.title, x.severity, x.count, x.owner ?? '–'])} />;
    case 'product-schema': {
      const p = productFromContext(ctx);
      return <Table id={id} head={['Column', 'Type', 'Required', 'Unique', 'Meaning']} rows={p.columns.map((c) => [c.name, c.logicalType, c.required ? 'yes' : 'no', c.unique ? 'yes' : 'no', c.meaning])} />;
    }
    case 'product-objectives': {
      const p = productFromContext(ctx);
      return <Table id={id} head={['Objective', 'Today']} rows={p.objectives.map((o) => [o.title, o.observed ?? 'unknown'])} />;
    }
    case 'policy-results': {
      const r = governanceReport(ctx);
      return <Table id={id} head={['Policy', 'Severity', 'Result', 'Detail']} rows={r.results.map((x) => [x.statement, x.severity, x.status, x.detail])} />;
    }
    case 'attribution-table': {
      const oc = attributionRunFor(ctx, answers)?.reconcile.overclaim;
      return (
        <Table
          id={id}
          head={['Platform', 'Claimed conversions', `Truth for its channel`, 'Ratio']}
          rows={
            oc
              ? [
                  ...oc.claims.map((c) => [`${c.label} (${c.name})`, c.claimed, c.truthForChannel ?? 'n/a', c.ratio === null ? 'n/a' : `${c.ratio.toFixed(2)}×`]),
                  [`All platforms, ${oc.period.start} to ${oc.period.end}`, oc.claimedTotal, `${oc.truth.total} ${oc.truth.kind}`, oc.ratio === null ? 'n/a' : `${oc.ratio.toFixed(2)}×`],
                ]
              : []
          }
        />
      );
    }
    case 'save-check-pack':
      return (
        <Table
          id={id}
          head={['What the pack remembers', 'Today']}
          rows={[
            ['Rows', f.rows],
            ['Columns', f.columns.map((c) => c.name).join(', ')],
            ['Labels', Object.entries(f.labels).map(([k, v]) => `${k}: ${v.length}`).join('; ') || 'none'],
            ['Findings', f.findings.length],
          ]}
        />
      );
    default:
      return null;
  }
}
