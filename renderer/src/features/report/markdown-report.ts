/** The audit report as Markdown for people (tickets, wikis, pull requests). */
import { formatNumber } from '../../charts/format';
import type { ReportFinding, ReportModel } from './report-model';
import { sortFindings } from './report-model';

/** Escape a value for a Markdown table cell or inline text. */
export function mdEscape(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/([\\`*_[\]|<>#])/g, '\\$1');
}

function findingSection(f: ReportFinding): string {
  const lines = [
    `### ${f.severity.toUpperCase()}: ${mdEscape(f.title)} (\`${f.check}\`)`,
    '',
    mdEscape(f.message),
    '',
    `- **Dimension:** ${mdEscape(f.dimension)}`,
    `- **Affected rows:** ${formatNumber(f.rows)}`,
  ];
  if (f.columns.length) lines.push(`- **Columns:** ${f.columns.map((c) => '`' + c.replace(/`/g, "'") + '`').join(', ')}`);
  lines.push(`- **Why it matters:** ${mdEscape(f.explanation)}`, `- **Who fixes it:** ${mdEscape(f.owner)}`, `- **Suggested fix:** ${mdEscape(f.fix)}`);
  if (f.sample.length) {
    const cols = f.columns.length ? f.columns : Object.keys(f.sample[0]?.values ?? {}).slice(0, 6);
    lines.push('', `| line | ${cols.map(mdEscape).join(' | ')} |`, `| --- | ${cols.map(() => '---').join(' | ')} |`);
    for (const r of f.sample.slice(0, 10)) lines.push(`| ${r.line ?? ''} | ${cols.map((c) => mdEscape(String(r.values[c] ?? ''))).join(' | ')} |`);
  }
  return lines.join('\n');
}

export function renderMarkdownReport(m: ReportModel): string {
  const conf = m.file.platformConfidence === null ? '' : ` (${Math.round(m.file.platformConfidence * 100)}% confidence)`;
  const out = [
    `# ${mdEscape(m.title)}`,
    '',
    `File \`${m.file.name.replace(/`/g, "'")}\`, generated ${m.generatedAt} by MeshLens.`,
    '',
    `| Quality score | Rows | Columns | Platform | Errors | Warnings | Infos |`,
    `| --- | --- | --- | --- | --- | --- | --- |`,
    `| ${m.score ? `${m.score.value} / 100` : 'n/a'} | ${formatNumber(m.file.rows)} | ${m.file.columns} | ${mdEscape(m.file.platform)}${conf} | ${m.totals.errors} | ${m.totals.warnings} | ${m.totals.infos} |`,
  ];
  if (m.score?.explanation.length) out.push('', '## How the score was computed', '', ...m.score.explanation.map((l) => `- ${mdEscape(l)}`));
  if (m.dimensions.length) {
    out.push('', '## Findings per dimension', '', '| Dimension | Errors | Warnings | Infos |', '| --- | --- | --- | --- |');
    for (const d of m.dimensions) out.push(`| ${mdEscape(d.dimension)} | ${d.error} | ${d.warning} | ${d.info} |`);
  }
  const findings = sortFindings(m.findings);
  out.push('', `## Findings (${findings.length})`, '');
  out.push(findings.length ? findings.map(findingSection).join('\n\n') : 'No check found a problem in this file.');
  out.push('', `## Columns (${m.columns.length})`, '', '| Column | Type | Role | NULLs | Distinct | Pattern |', '| --- | --- | --- | --- | --- | --- |');
  for (const c of m.columns) {
    out.push(`| ${mdEscape(c.name)} | ${c.type} | ${c.role ?? ''} | ${formatNumber(c.nulls)} | ${c.distinct === null ? '' : formatNumber(c.distinct)} | ${c.pattern ?? ''} |`);
  }
  return out.join('\n') + '\n';
}
