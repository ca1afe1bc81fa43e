/** The audit report as JSON (machines), Markdown (people) and JUnit XML (CI systems). */
import { OWNER_LABELS } from '../checks/types';
import type { Finding } from '../checks/types';
import { sortFindings } from '../checks/order';
import { plural } from '../text/plural';
import type { AuditReport, DatasetSummary } from './audit';

const tally = (x: { errors: number; warnings: number; infos: number }) =>
  `${plural(x.errors, 'error')}, ${plural(x.warnings, 'warning')}, ${plural(x.infos, 'info')}`;

/** The JSON of `meshlens audit --json`: files, findings, summary. */
export function renderJson(report: AuditReport): string {
  const { files, summary } = report;
  return JSON.stringify({ files, findings: sortFindings(report.findings), summary }, null, 2) + '\n';
}

const mdCell = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const ICON: Record<Finding['severity'], string> = { error: '✖ error', warning: '▲ warning', info: 'ℹ info' };

function sampleLines(f: Finding, max = 8): string {
  if (!f.sample.length) return '';
  const lines = f.sample.slice(0, max).map((s) => s.line);
  return lines.join(', ') + (f.rows > lines.length ? ', …' : '');
}

export function renderMarkdown(report: AuditReport): string {
  const { summary } = report;
  const out: string[] = ['# MeshLens audit', ''];
  out.push(
    `**Score ${summary.score}/100** · ${tally(summary)} · reference date ${summary.referenceDate}`,
    '',
  );
  out.push(
    '| File | Platform | Rows | Score | Errors | Warnings | Infos |',
    '|---|---|---:|---:|---:|---:|---:|',
  );
  for (const d of summary.datasets) {
    out.push(
      `| ${mdCell(d.file)} | ${mdCell(platformText(d))} | ${d.rows.toLocaleString('en-US')} | ${d.score} | ${d.errors} | ${d.warnings} | ${d.infos} |`,
    );
  }
  for (const d of summary.datasets) {
    const fs = sortFindings(report.findings.filter((f) => f.file === d.file));
    out.push('', `## ${d.file}`, '');
    if (d.product) {
      out.push('**Data product**', '', ...d.product.map((p) => `- **${p.label}:** ${p.missing ? `_${p.value}_` : mdCell(p.value)}`), '');
    }
    out.push(
      `Score **${d.score}/100**. By dimension: ${Object.entries(d.dimensions)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}.`,
    );
    if (!fs.length) {
      out.push('', 'No findings: every check passed.');
      continue;
    }
    for (const f of fs) {
      out.push('', `### ${ICON[f.severity]}: ${f.title} (\`${f.check}\`)`, '');
      out.push(f.message, '');
      out.push(`- **Why it matters:** ${f.explanation}`);
      out.push(`- **Fix:** ${f.fix}`);
      out.push(`- **Owner:** ${OWNER_LABELS[f.owner]}`);
      out.push(
        `- **Columns:** ${f.columns.map((c) => `\`${c}\``).join(', ')} · **rows affected:** ${f.rows.toLocaleString('en-US')}` +
          (f.sample.length ? ` · **lines:** ${sampleLines(f)}` : ''),
      );
    }
    if (d.deductions.length) {
      out.push(
        '',
        '<details><summary>How the score was computed</summary>',
        '',
        '| Check | Severity | Dimension | Points |',
        '|---|---|---|---:|',
      );
      for (const x of d.deductions)
        out.push(
          `| ${x.check} (${x.columns.slice(0, 3).map(mdCell).join(', ')}) | ${x.severity} | ${x.dimension} | −${x.points} |`,
        );
      out.push('', '</details>');
    }
  }
  if (summary.skipped.length) {
    out.push('', '## Checks that could not run', '');
    for (const s of summary.skipped) out.push(`- ${s.file}: \`${s.check}\`: ${mdCell(s.reason)}`);
  }
  out.push('', '---', '', `_${summary.scoring}_`, '');
  return out.join('\n');
}

/** Characters XML 1.0 cannot hold at all (control characters other than tab and newlines). */
const stripControl = (s: string) =>
  [...s]
    .filter((ch) => {
      const c = ch.charCodeAt(0);
      return c >= 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
    })
    .join('');
const xml = (s: string) =>
  stripControl(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * One test suite per file, one test case per check. Error and warning findings are failures (their `type`
 * says which); infos go to system-out and the case passes.
 */
export function renderJunit(report: AuditReport): string {
  const { summary } = report;
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const d of summary.datasets) {
    const cases: string[] = [];
    let suiteFailures = 0;
    for (const c of report.checks) {
      const fs = report.findings.filter((f) => f.file === d.file && f.check === c.id);
      const loud = fs.filter((f) => f.severity !== 'info');
      const infos = fs.filter((f) => f.severity === 'info');
      const skipped = summary.skipped.find((s) => s.file === d.file && s.check === c.id);
      let body = '';
      if (loud.length) {
        suiteFailures++;
        const type = loud.some((f) => f.severity === 'error') ? 'error' : 'warning';
        const text = loud
          .map(
            (f) =>
              `[${f.severity}] ${f.message}\nFix: ${f.fix}\nOwner: ${OWNER_LABELS[f.owner]}\nLines: ${sampleLines(f, 20)}`,
          )
          .join('\n\n');
        body += `<failure type="${type}" message="${xml(loud[0]!.message)}">${xml(text)}</failure>`;
      }
      if (skipped) body += `<skipped message="${xml(skipped.reason)}"/>`;
      if (infos.length)
        body += `<system-out>${xml(infos.map((f) => `[info] ${f.message}`).join('\n'))}</system-out>`;
      cases.push(
        `    <testcase classname="${xml(d.file)}" name="${xml(`${c.id}: ${c.title}`)}">${body}</testcase>`,
      );
    }
    tests += cases.length;
    failures += suiteFailures;
    suites.push(
      `  <testsuite name="${xml(d.file)}" tests="${cases.length}" failures="${suiteFailures}" errors="0" skipped="${summary.skipped.filter((s) => s.file === d.file).length}">\n` +
        `    <properties><property name="score" value="${d.score}"/><property name="platform" value="${xml(d.platformLabel)}"/><property name="rows" value="${d.rows}"/></properties>\n` +
        cases.join('\n') +
        '\n  </testsuite>',
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="meshlens audit" tests="${tests}" failures="${failures}" errors="0">\n${suites.join('\n')}\n</testsuites>\n`;
}

/** "Google Ads (92%, from: report title, 12 of 14 headers)" or "Unknown tool (only headers several tools share …)". */
export function platformText(d: Pick<DatasetSummary, 'platform' | 'platformLabel' | 'platformConfidence' | 'platformEvidence'>): string {
  if (d.platform === 'generic') return `${d.platformLabel} (${d.platformEvidence})`;
  return `${d.platformLabel} (${Math.round(d.platformConfidence * 100)}%, ${d.platformEvidence})`;
}

/** Plain text for a terminal when no format flag is given. */
export function renderText(report: AuditReport): string {
  const { summary } = report;
  const out: string[] = [];
  for (const d of summary.datasets) {
    out.push(
      `${d.file}: ${platformText(d)}, ${plural(d.rows, 'row')}, score ${d.score}/100 (${tally(d)})`,
    );
    if (d.product) out.push(`  Data product: ${d.product.map((p) => `${p.label.toLowerCase()} ${p.missing ? `(${p.value})` : p.value}`).join(' · ')}`);
    for (const f of sortFindings(report.findings.filter((x) => x.file === d.file))) {
      out.push(`  ${f.severity.toUpperCase().padEnd(7)} ${f.check}: ${f.message}`);
      if (f.sample.length) out.push(`          lines ${sampleLines(f)} · owner: ${OWNER_LABELS[f.owner]}`);
    }
  }
  for (const s of summary.skipped) out.push(`  (could not run ${s.check} on ${s.file}: ${s.reason})`);
  out.push(
    '',
    `Overall score ${summary.score}/100: ${tally(summary)}. Reference date ${summary.referenceDate}.`,
  );
  return out.join('\n') + '\n';
}
