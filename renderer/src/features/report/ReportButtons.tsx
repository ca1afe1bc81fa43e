import { useState } from 'react';
import { getBridge } from '../../bridge';
import { errorMessage, getDataset, showBanner, useDataset, useStore } from '../../store';
import { auditStateOf, profileStateOf } from '../../store/analysis-slice';
import { scoreView } from '../overview/score-view';
import { renderHtmlReport } from './html-report';
import { renderMarkdown } from '../../../../shared/audit/render';
import { buildAuditReport } from './audit-report';
import { buildReportModel, reportFileStem } from './report-data';

export type ReportFormat = 'html' | 'markdown';

/** Build the report of a dataset as bytes, or explain why it cannot be built yet. */
export function buildReport(
  datasetId: string,
  format: ReportFormat,
): { name: string; bytes: Uint8Array; mime: string } {
  const d = getDataset(datasetId);
  const p = profileStateOf(d);
  const a = auditStateOf(d);
  if (!d?.result || !p?.profile || !p.semantics || a?.status !== 'done')
    throw new Error('Run the audit first: the report shows its findings.');
  const stem = reportFileStem(d.name);
  const product = useStore.getState().products[datasetId];
  if (format === 'markdown') {
    const md = renderMarkdown(buildAuditReport(d.name, d.result, p.semantics, a, product));
    return { name: `${stem}.md`, bytes: new TextEncoder().encode(md), mime: 'text/markdown' };
  }
  const model = buildReportModel({
    name: d.name,
    result: d.result,
    profile: p.profile,
    semantics: p.semantics,
    findings: a.findings,
    score: scoreView(a),
    referenceDate: a.referenceDate,
    ...(product ? { product } : {}),
  });
  return {
    name: `${stem}.html`,
    bytes: new TextEncoder().encode(renderHtmlReport(model)),
    mime: 'text/html',
  };
}

export async function exportReport(datasetId: string, format: ReportFormat): Promise<string | null> {
  const file = buildReport(datasetId, format);
  const where = await getBridge().saveFile(file.name, file.bytes, file.mime);
  if (where) showBanner('info', `Report saved: ${where}`);
  return where;
}

/** "Export HTML" and "Export Markdown", enabled once the audit is done. */
export function ReportButtons({ datasetId }: { datasetId: string }) {
  const dataset = useDataset(datasetId);
  const ready = auditStateOf(dataset)?.status === 'done';
  const [busy, setBusy] = useState(false);
  const run = (format: ReportFormat) => {
    setBusy(true);
    exportReport(datasetId, format)
      .catch((e: unknown) => showBanner('error', `Could not export the report: ${errorMessage(e)}`))
      .finally(() => setBusy(false));
  };
  const title = ready ? undefined : 'Available once the audit has run';
  return (
    <>
      <button
        type="button"
        className="btn"
        data-testid="report-export-html"
        disabled={!ready || busy}
        title={title}
        onClick={() => run('html')}
      >
        Export HTML report
      </button>
      <button
        type="button"
        className="btn"
        data-testid="report-export-markdown"
        disabled={!ready || busy}
        title={title}
        onClick={() => run('markdown')}
      >
        Export Markdown
      </button>
    </>
  );
}
