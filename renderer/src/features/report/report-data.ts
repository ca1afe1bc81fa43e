/** Fill the report model from what the app knows about a dataset: import, profile, semantics, findings. */
import { OWNER_LABELS } from '../../../../shared/checks/types';
import type { Finding } from '../../../../shared/checks/types';
import type { ImportResult } from '../../../../shared/import/types';
import type { TableProfile } from '../../../../shared/profile/types';
import type { Semantics } from '../../../../shared/semantics/describe';
import { confidenceText, severityByDimension, severityTotals, timelineOf } from '../overview/overview-model';
import type { ScoreView } from '../overview/ScoreCard';
import { patternLabel, roleLabel } from '../columns/role-labels';
import type { ReportColumn, ReportModel } from './report-model';
import type { ProductDecisions } from '../../../../shared/mesh/product-state';
import { productCardFacts } from '../../../../shared/mesh/product-card-facts';

export interface ReportSource {
  name: string;
  result: ImportResult;
  profile: TableProfile;
  semantics?: Semantics;
  findings: Finding[];
  score: ScoreView | null;
  referenceDate?: string;
  /** The dataset's data product (the store's; the same object every screen edits). */
  product?: ProductDecisions;
  /** Defaults to now. */
  generatedAt?: Date;
}

function stamp(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function fileDetails(r: ImportResult, referenceDate?: string): Array<[string, string]> {
  const out: Array<[string, string]> = [
    ['Format', r.format.toUpperCase()],
    ['Encoding', r.encoding],
  ];
  if (r.delimiter) out.push(['Delimiter', r.delimiter === '\t' ? 'tab' : r.delimiter]);
  if (r.headerLine !== null) out.push(['Header line', String(r.headerLine)]);
  if (r.skippedLines) out.push(['Lines skipped above the header', String(r.skippedLines)]);
  if (r.summaryRows.length)
    out.push(['Summary rows removed', r.summaryRows.map((s) => `line ${s.line} (${s.label})`).join(', ')]);
  if (r.statedRange)
    out.push(['Date range stated in the file', `${r.statedRange.start} to ${r.statedRange.end}`]);
  if (referenceDate) out.push(['Reference date for timeliness checks', referenceDate]);
  return out;
}

function column(p: TableProfile['columns'][number], semantics?: Semantics): ReportColumn {
  const sem = semantics?.columns.find((c) => c.name === p.name);
  const c: ReportColumn = {
    name: p.name,
    type: p.type,
    role: sem && sem.role !== 'unknown' ? roleLabel(sem.role) : null,
    nulls: p.nulls,
    distinct: p.distinct,
    pattern: patternLabel(p.pattern),
  };
  if (p.kind === 'number' && p.histogram?.length)
    c.histogram = p.histogram.map((b) => ({ lo: b.start, hi: b.end, count: b.count }));
  else if (p.kind !== 'date' && p.topValues.length) c.topValues = p.topValues;
  if (p.kind === 'date' && p.min !== null && p.max !== null) {
    c.dateRange = {
      min: String(p.min).slice(0, 10),
      max: String(p.max).slice(0, 10),
      days: p.distinctDays ?? 0,
      coverage: p.dayCoverage ?? null,
    };
  }
  return c;
}

export function buildReportModel(src: ReportSource): ReportModel {
  const platform = src.semantics?.platform;
  const timeline = timelineOf(src.profile, src.semantics);
  return {
    title: `Data quality audit: ${src.name}`,
    generatedAt: stamp(src.generatedAt ?? new Date()),
    file: {
      name: src.name,
      rows: src.profile.rows,
      columns: src.profile.columns.length,
      platform: platform?.label ?? 'unknown',
      platformConfidence: platform ? platform.confidence : null,
      details: [
        ...(platform
          ? ([
              ['Platform confidence', platform.platform === 'generic' ? 'not named' : confidenceText(platform.confidence)],
              ['Platform evidence', platform.because],
            ] as Array<[string, string]>)
          : []),
        ...fileDetails(src.result, src.referenceDate),
      ],
    },
    ...(src.product ? { product: productCardFacts(src.product) } : {}),
    score: src.score,
    totals: severityTotals(src.findings),
    dimensions: severityByDimension(src.findings),
    ...(timeline
      ? {
          timeline: {
            points: timeline.points,
            bucket: timeline.bucket,
            ...(timeline.metricLabel ? { metricLabel: timeline.metricLabel } : {}),
          },
        }
      : {}),
    findings: src.findings.map((f) => ({
      check: f.check,
      title: f.title,
      dimension: f.dimension,
      severity: f.severity,
      rows: f.rows,
      columns: f.columns,
      message: f.message,
      explanation: f.explanation,
      owner: OWNER_LABELS[f.owner] ?? f.owner,
      fix: f.fix,
      sample: f.sample.map((s) => ({ line: s.line, values: s.values })),
    })),
    columns: src.profile.columns.map((p) => column(p, src.semantics)),
  };
}

/** A file-name-safe stem from the dataset name: "Campaign report.csv" → "campaign-report". */
export function reportFileStem(name: string): string {
  const stem = name
    .replace(/\.[A-Za-z0-9]{1,5}$/, '')
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
  return `${stem || 'dataset'}-audit`;
}
