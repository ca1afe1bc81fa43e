/** The attribution report: Markdown and HTML for people, JSON for machines (`meshlens reconcile --json`). */
import { OWNER_LABELS } from '../checks/types';
import type { Finding } from '../checks/types';
import { MODEL_LABELS, MODELS } from './attribution-models';
import { fmt } from './catalogue';
import type { AttributionRun } from './run';
import { DOMAIN_LABELS } from './types';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const ICON: Record<Finding['severity'], string> = { error: '✖ error', warning: '▲ warning', info: 'ℹ info' };

export function renderReconcileJson(run: AttributionRun): string {
  const { reconcile: r, sandbox, lift, notes } = run;
  return (
    JSON.stringify(
      {
        sources: r.sources.map((s) => ({ name: s.name, domain: s.domain, domainFrom: s.domainFrom, label: s.label, currency: s.currency ?? null, timeZone: s.timeZone ?? null })),
        period: r.alignment,
        keys: r.keys,
        findings: r.findings,
        overclaim: r.overclaim,
        spend: r.spend ? { leftTotal: r.spend.leftTotal, rightTotal: r.spend.rightTotal, mismatched: r.spend.mismatched, orphans: r.spend.orphans, daily: r.spend.daily } : null,
        sandbox: sandbox ? { file: sandbox.file, columns: sandbox.columns, ...sandbox.result, markov: { ...sandbox.result.markov, transitions: undefined } } : null,
        lift,
        notes,
        summary: summarise(run),
      },
      null,
      2,
    ) + '\n'
  );
}

export function summarise(run: AttributionRun): { errors: number; warnings: number; infos: number } {
  const f = run.reconcile.findings;
  return {
    errors: f.filter((x) => x.severity === 'error').length,
    warnings: f.filter((x) => x.severity === 'warning').length,
    infos: f.filter((x) => x.severity === 'info').length,
  };
}

/** The report's lines, shared by Markdown and plain text. */
export function reportMarkdown(run: AttributionRun): string {
  const { reconcile: r, sandbox, lift } = run;
  const out: string[] = ['# Attribution report', ''];
  out.push('## Sources', '', '| File | Domain | Period | Currency |', '|---|---|---|---|');
  for (const s of r.sources) {
    const p = r.alignment.sources.find((x) => x.name === s.name)?.period;
    out.push(`| ${cell(s.name)} | ${DOMAIN_LABELS[s.domain]} (${s.domainFrom}) | ${p ? `${p.start} to ${p.end}` : 'no dates'} | ${s.currency ?? 'not stated'} |`);
  }
  out.push(
    '',
    r.alignment.overlap
      ? `Compared period: **${r.alignment.overlap.start} to ${r.alignment.overlap.end}** (the days every source covers).`
      : r.overclaim
        ? `Not every source covers the same days. Claims are compared with the source of truth over **${r.overclaim.period.start} to ${r.overclaim.period.end}** only; files outside it are left out, never added.`
        : 'The sources share no common period: nothing is added up across them.',
  );
  if (run.notes.length) out.push('', ...run.notes.map((n) => `- ${n}`));
  if (r.keys.length) {
    out.push('', '## Join keys', '', '| Left | Right | Kind | Match | Confirmed |', '|---|---|---|---:|---|');
    for (const k of r.keys) out.push(`| ${cell(k.left)} | ${cell(k.right)} | ${k.kind} | ${Math.round(k.matchRate * 100)}% / ${Math.round(k.reverseMatchRate * 100)}% | ${k.confirmed ? 'yes' : 'suggested'} |`);
  }
  const oc = r.overclaim;
  if (oc) {
    out.push('', '## Claimed against actual conversions', '');
    out.push(`Source of truth: **${oc.truth.name}** (${oc.truth.kind}), ${oc.period.start} to ${oc.period.end}: **${fmt(oc.truth.total)}** ${oc.truth.kind}.`, '');
    out.push('| Platform | Claimed | Truth for its channel | Ratio |', '|---|---:|---:|---:|');
    for (const c of oc.claims) out.push(`| ${cell(c.label)} | ${fmt(c.claimed, 2)} | ${c.truthForChannel ?? '—'} | ${c.ratio === null ? '—' : `${c.ratio.toFixed(2)}×`} |`);
    out.push(`| **All platforms** | **${fmt(oc.claimedTotal, 2)}** | **${fmt(oc.truth.total)}** | **${oc.ratio === null ? '—' : `${oc.ratio.toFixed(2)}×`}** |`);
    out.push(
      '',
      oc.ratio === null
        ? 'The source of truth recorded nothing in this period, so no ratio can be given.'
        : oc.ratio > 1
          ? `In plain words: for every ${oc.truth.kind === 'orders' ? 'order' : 'deal'} that really happened, the platforms together claim ${oc.ratio.toFixed(2)}. Each counts the buyers it touched, so the same sale is counted more than once.`
          : 'In plain words: the platforms together claim no more than happened.',
    );
    if (oc.weeks.length > 1) {
      out.push('', '| Week of | Claimed | Actual | Ratio |', '|---|---:|---:|---:|');
      for (const w of oc.weeks) out.push(`| ${w.week} | ${fmt(w.claimed, 2)} | ${fmt(w.truth)} | ${w.ratio === null ? '—' : `${w.ratio.toFixed(2)}×`} |`);
    }
  }
  if (lift) {
    out.push('', '## What the ads really caused (incrementality test)', '');
    out.push(`**${lift.sentence}**`, '');
    if (lift.otherClaim) out.push(lift.otherClaim, '');
    out.push(
      `${lift.file}: ${lift.estimate.preDays} days before the test and ${lift.estimate.testDays} test days from ${lift.testStart}. Before the test the test group had ${fmt(lift.estimate.preGap, 2)} more ${lift.columns.conversions} a day than control; during the test ${fmt(lift.estimate.testGap, 2)} more. The growth of that gap, ${fmt(lift.estimate.dailyEffect, 2)} a day over ${lift.estimate.testDays} days, is what the ads added. The range is a 95% bootstrap interval over days (${lift.estimate.iterations} draws, seed ${lift.estimate.seed}).`,
    );
  }
  if (sandbox) {
    const res = sandbox.result;
    out.push('', '## Credit by channel under each model', '', `${sandbox.file}: ${fmt(res.paths)} paths, ${fmt(res.totalConversions, 2)} conversions.`, '');
    out.push(`| Channel | ${MODELS.map((m) => MODEL_LABELS[m]).join(' | ')} |`, `|---|${MODELS.map(() => '---:').join('|')}|`);
    for (const c of res.channels) out.push(`| ${cell(c.channel)} | ${MODELS.map((m) => `${fmt(c.conversions[m], 2)}${m === 'last_click' ? '' : ` (${c.changeVsLastClick[m] >= 0 ? '+' : ''}${fmt(c.changeVsLastClick[m], 2)})`}`).join(' | ')} |`);
    out.push('', 'Numbers in brackets: what each channel gains or loses against last click.', '', ...res.assumptions.map((a) => `- ${a}`));
  }
  out.push('', '## Findings', '');
  if (!r.findings.length) out.push('No findings: the sources agree within tolerance.');
  for (const f of r.findings) {
    out.push(`### ${ICON[f.severity]}: ${f.title} (\`${f.check}\`)`, '', f.message, '');
    out.push(`- **Why it matters:** ${f.explanation}`, `- **Fix:** ${f.fix}`, `- **Owner:** ${OWNER_LABELS[f.owner]}`);
    if (f.sample.length) out.push(`- **Lines:** ${f.sample.slice(0, 8).map((s) => s.line).join(', ')}${f.sample.length > 8 ? ', …' : ''}`);
    out.push('');
  }
  return out.join('\n').trimEnd() + '\n';
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A self-contained HTML page of the same report (no remote content). */
export function reportHtml(run: AttributionRun): string {
  const body: string[] = [];
  let table: string[] | null = null;
  const inline = (s: string) => esc(s).replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>').replace(/`(.+?)`/g, '<code>$1</code>');
  const flush = () => {
    if (table) body.push(`<table>${table.join('')}</table>`);
    table = null;
  };
  for (const line of reportMarkdown(run).split('\n')) {
    if (line.startsWith('|')) {
      if (/^\|[-:|]+\|$/.test(line)) continue;
      const cells = line.slice(1, -1).split(/(?<!\\)\|/).map((c) => inline(c.trim().replace(/\\\|/g, '|')));
      const tag = table ? 'td' : 'th';
      (table ??= []).push(`<tr>${cells.map((c) => `<${tag}>${c}</${tag}>`).join('')}</tr>`);
      continue;
    }
    flush();
    const h = /^(#{1,3}) (.*)$/.exec(line);
    if (h) body.push(`<h${h[1]!.length}>${inline(h[2]!)}</h${h[1]!.length}>`);
    else if (line.startsWith('- ')) body.push(`<p class="li">• ${inline(line.slice(2))}</p>`);
    else if (line.trim()) body.push(`<p>${inline(line)}</p>`);
  }
  flush();
  return `<!doctype html><html><head><meta charset="utf-8"><title>Attribution report</title><style>body{font:14px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ccc;padding:.2rem .5rem;text-align:left}</style></head><body>${body.join('\n')}</body></html>\n`;
}
