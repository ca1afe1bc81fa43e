/**
 * The audit report as one self-contained HTML file: inline CSS, charts as inline SVG drawn from the data,
 * no script, no external request (a CSP meta tag forbids any). Light and dark follow the reader's system.
 */
import { formatNumber } from '../../charts/format';
import { chartPaletteCss } from '../../charts/palette';
import { escapeXml, histogramSvg, horizontalBarsSvg, severityBarsSvg, timelineSvg } from '../../charts/svg';
import type { ReportColumn, ReportFinding, ReportModel } from './report-model';
import { sortFindings } from './report-model';

const esc = escapeXml;

const CSS = `
*{box-sizing:border-box}
body{margin:0;font:14px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;background:var(--bg);color:var(--fg)}
:root{--bg:#f6f7f9;--card:#fff;--fg:#1d2330;--muted:#5d6473;--line:#e2e5eb;--code:#f0f2f5}
@media (prefers-color-scheme:dark){:root{--bg:#12151b;--card:#1b1f27;--fg:#e6e9ef;--muted:#a3abba;--line:#343a46;--code:#252a34}}
main{max-width:980px;margin:0 auto;padding:32px 20px 60px}
h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:32px 0 12px}h3{font-size:15px;margin:0}
.muted{color:var(--muted)}
.card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:16px 18px;margin:12px 0}
.stats{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:12px}
.stat{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:12px 14px}
.stat b{display:block;font-size:22px}
.score b{font-size:30px}
.sev{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;font-weight:600;color:#fff}
.sev-error{background:var(--ml-chart-error)}.sev-warning{background:var(--ml-chart-warning);color:#1d2330}.sev-info{background:var(--ml-chart-info)}
table{border-collapse:collapse;width:100%;font-size:12px;margin-top:8px;display:block;overflow-x:auto}
th,td{border:1px solid var(--line);padding:3px 6px;text-align:left;white-space:nowrap}
th{background:var(--code)}
dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 12px;margin:10px 0}dt{color:var(--muted)}dd{margin:0}
details summary{cursor:pointer}
svg{max-width:100%;height:auto}
.cols{display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:12px}
code{background:var(--code);padding:0 4px;border-radius:4px}
`;

function stat(label: string, value: string, extra = ''): string {
  return `<div class="stat${extra}"><span class="muted">${esc(label)}</span><b>${esc(value)}</b></div>`;
}

function sampleTable(f: ReportFinding): string {
  if (!f.sample.length) return '';
  const cols = f.columns.length ? f.columns : Object.keys(f.sample[0]?.values ?? {}).slice(0, 8);
  const head = `<tr><th>line</th>${cols.map((c) => `<th>${esc(c)}</th>`).join('')}</tr>`;
  const rows = f.sample
    .map(
      (r) =>
        `<tr><td>${r.line ?? ''}</td>${cols.map((c) => `<td>${esc(String(r.values[c] ?? ''))}</td>`).join('')}</tr>`,
    )
    .join('');
  return `<table>${head}${rows}</table>`;
}

function findingCard(f: ReportFinding): string {
  return (
    `<section class="card finding" id="finding-${esc(f.check)}">` +
    `<h3><span class="sev sev-${f.severity}">${f.severity}</span> ${esc(f.title)} <span class="muted">(${esc(f.check)})</span></h3>` +
    `<p>${esc(f.message)}</p>` +
    `<dl><dt>Dimension</dt><dd>${esc(f.dimension)}</dd><dt>Affected rows</dt><dd>${formatNumber(f.rows)}</dd>` +
    (f.columns.length
      ? `<dt>Columns</dt><dd>${f.columns.map((c) => `<code>${esc(c)}</code>`).join(' ')}</dd>`
      : '') +
    `<dt>Why it matters</dt><dd>${esc(f.explanation)}</dd><dt>Who fixes it</dt><dd>${esc(f.owner)}</dd>` +
    `<dt>Suggested fix</dt><dd>${esc(f.fix)}</dd></dl>` +
    (f.sample.length
      ? `<details><summary>Sample of affected rows (${f.sample.length})</summary>${sampleTable(f)}</details>`
      : '') +
    `</section>`
  );
}

function columnCard(c: ReportColumn): string {
  const facts: Array<[string, string]> = [
    ['Type', c.type],
    ['Role', c.role ?? 'none'],
    ['NULLs', formatNumber(c.nulls)],
    ['Distinct', c.distinct === null ? 'n/a' : formatNumber(c.distinct)],
  ];
  if (c.pattern) facts.push(['Pattern', c.pattern]);
  if (c.dateRange) {
    const cov =
      c.dateRange.coverage === null ? '' : ` (${Math.round(c.dateRange.coverage * 100)}% of days present)`;
    facts.push(['Dates', `${c.dateRange.min} to ${c.dateRange.max}, ${c.dateRange.days} days${cov}`]);
  }
  let chart = '';
  if (c.histogram?.length)
    chart = histogramSvg(c.histogram, { title: `Distribution of ${c.name}`, width: 300, height: 130 });
  else if (c.topValues?.length)
    chart = horizontalBarsSvg(c.topValues, { title: `Top values of ${c.name}`, width: 300, maxBars: 6 });
  return `<section class="card column"><h3>${esc(c.name)}</h3><dl>${facts.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>${chart}</section>`;
}

export function renderHtmlReport(m: ReportModel): string {
  const findings = sortFindings(m.findings);
  const conf = m.file.platformConfidence === null ? '' : ` (${Math.round(m.file.platformConfidence * 100)}%)`;
  const parts: string[] = [];
  parts.push(
    `<!doctype html><html lang="en"><head><meta charset="utf-8">`,
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<meta name="viewport" content="width=device-width,initial-scale=1">`,
    `<meta name="generator" content="MeshLens">`,
    `<title>${esc(m.title)}</title><style>${chartPaletteCss()}${CSS}</style></head><body><main>`,
    `<h1>${esc(m.title)}</h1><p class="muted">${esc(m.file.name)} · generated ${esc(m.generatedAt)} by MeshLens, offline</p>`,
    `<div class="stats">`,
    stat('Quality score', m.score ? `${m.score.value} / 100` : 'n/a', ' score'),
    stat('Rows', formatNumber(m.file.rows)),
    stat('Columns', formatNumber(m.file.columns)),
    stat('Platform', m.file.platform + conf),
    stat('Errors · warnings · infos', `${m.totals.errors} · ${m.totals.warnings} · ${m.totals.infos}`),
    `</div>`,
  );
  if (m.score?.explanation.length) {
    parts.push(
      `<div class="card"><h3>How the score was computed</h3><ul>${m.score.explanation.map((l) => `<li>${esc(l)}</li>`).join('')}</ul></div>`,
    );
  }
  if (m.product) {
    const facts = m.product.map((f) => `<dt>${esc(f.label)}</dt><dd>${f.missing ? `<strong>${esc(f.value)}</strong>` : esc(f.value)}</dd>`);
    parts.push(`<div class="card" data-section="product"><h3>Data product</h3><dl>${facts.join('')}</dl></div>`);
  }
  if (m.file.details.length) {
    parts.push(
      `<div class="card"><h3>File</h3><dl>${m.file.details.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl></div>`,
    );
  }
  parts.push(`<h2>Findings per dimension</h2><div class="card">`);
  parts.push(
    m.dimensions.length
      ? severityBarsSvg(m.dimensions, { title: 'Findings per dimension', width: 640 })
      : '<p>No findings.</p>',
  );
  parts.push(`</div>`);
  if (m.timeline?.points.length) {
    parts.push(
      `<h2>Timeline</h2><div class="card">`,
      timelineSvg(m.timeline.points, {
        title: `Rows per ${m.timeline.bucket ?? 'day'}`,
        metricLabel: m.timeline.metricLabel,
        per: m.timeline.bucket,
        width: 900,
      }),
      `</div>`,
    );
  }
  parts.push(`<h2>Findings (${findings.length})</h2>`);
  parts.push(
    findings.length
      ? findings.map(findingCard).join('')
      : '<p class="card">No check found a problem in this file.</p>',
  );
  parts.push(
    `<h2>Columns (${m.columns.length})</h2><div class="cols">${m.columns.map(columnCard).join('')}</div>`,
  );
  parts.push(`</main></body></html>`);
  return parts.join('\n');
}
