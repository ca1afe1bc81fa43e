import { describe, expect, it } from 'vitest';
import { renderHtmlReport } from '../../renderer/src/features/report/html-report';
import type { ReportModel } from '../../renderer/src/features/report/report-model';
import { productCardFacts } from '../../shared/mesh/product-card-facts';

function model(overrides: Partial<ReportModel> = {}): ReportModel {
  return {
    title: 'Audit of <script>alert(1)</script>.csv',
    generatedAt: '2026-02-24 10:00',
    file: {
      name: '<script>alert(1)</script>.csv',
      rows: 1200,
      columns: 3,
      platform: 'Google Ads',
      platformConfidence: 0.92,
      details: [['Encoding', 'utf-16le']],
    },
    score: { value: 71, explanation: ['-20 for 1 error in validity', '-9 for 3 warnings'] },
    totals: { errors: 1, warnings: 1, infos: 0 },
    dimensions: [
      { dimension: 'validity', error: 1, warning: 0, info: 0 },
      { dimension: 'consistency', error: 0, warning: 1, info: 0 },
    ],
    timeline: {
      points: [
        { day: '2026-01-01', rows: 40, metric: 12.5 },
        { day: '2026-01-02', rows: 38, metric: null },
        { day: '2026-01-03', rows: 41, metric: 9 },
      ],
      metricLabel: 'Cost',
    },
    findings: [
      {
        check: 'inconsistent_labels',
        title: 'Inconsistent labels',
        dimension: 'consistency',
        severity: 'warning',
        rows: 7,
        columns: ['Campaign'],
        message: '2 spellings of one campaign',
        explanation: 'Totals split across spellings.',
        owner: 'Ads operations',
        fix: 'Rename to one spelling.',
        sample: [],
      },
      {
        check: 'funnel_inversion',
        title: 'Clicks above impressions',
        dimension: 'validity',
        severity: 'error',
        rows: 12,
        columns: ['Clicks', 'Impr.'],
        message: '12 rows have more clicks than impressions',
        explanation: 'CTR is overstated.',
        owner: 'Ads operations',
        fix: 'Re-export the report.',
        sample: [
          { line: 8, values: { Clicks: 50, 'Impr.': 10 } },
          { line: 19, values: { Clicks: 7, 'Impr.': 3 } },
        ],
      },
    ],
    columns: [
      {
        name: 'Clicks',
        type: 'BIGINT',
        role: 'clicks',
        nulls: 0,
        distinct: 50,
        pattern: null,
        histogram: [
          { lo: 0, hi: 10, count: 5 },
          { lo: 10, hi: 20, count: 9 },
        ],
      },
      {
        name: 'Campaign',
        type: 'VARCHAR',
        role: 'campaign',
        nulls: 2,
        distinct: 4,
        pattern: null,
        topValues: [
          { value: 'Summer_Sale', count: 30 },
          { value: '', count: 2 },
        ],
      },
      {
        name: 'Day',
        type: 'DATE',
        role: 'date',
        nulls: 0,
        distinct: 31,
        pattern: null,
        dateRange: { min: '2026-01-01', max: '2026-01-31', days: 31, coverage: 1 },
      },
    ],
    ...overrides,
  };
}

describe('HTML report', () => {
  const html = renderHtmlReport(model());

  it('is one self-contained document: no script, no external reference, a CSP that forbids requests', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\b(src|href)\s*=/i);
    expect(html).not.toMatch(/url\(/i);
    expect(html).not.toMatch(/@import/i);
    expect(html).toContain("default-src 'none'");
    // the only URL is the SVG namespace, which is an identifier, not a request
    const urls = html.match(/https?:\/\/[^"'\s)]+/g) ?? [];
    expect(new Set(urls)).toEqual(new Set(['http://www.w3.org/2000/svg']));
  });

  it('escapes hostile file names', () => {
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;.csv');
  });

  it('draws its charts as inline SVG from the data', () => {
    const svgs = html.match(/<svg /g) ?? [];
    // severity chart + timeline + histogram + top values (the date column draws none)
    expect(svgs.length).toBe(4);
    expect(html).toContain('2026-01-01: 40 rows');
    expect(html).toContain('validity: 1 error');
  });

  it('lists errors before warnings with their fix, owner and sample lines', () => {
    const err = html.indexOf('id="finding-funnel_inversion"');
    const warn = html.indexOf('id="finding-inconsistent_labels"');
    expect(err).toBeGreaterThan(0);
    expect(warn).toBeGreaterThan(err);
    expect(html).toContain('Re-export the report.');
    expect(html).toContain('<td>19</td>');
    expect(html).toContain('71 / 100');
  });
});

describe('HTML report without a score', () => {
  it('says n/a rather than inventing a number', () => {
    const html = renderHtmlReport(model({ score: null }));
    expect(html).toContain('<b>n/a</b>');
    expect(html).not.toContain('How the score was computed');
  });
});

describe('Markdown report', () => {
  it('is shared/audit’s renderer fed with the app’s audit, so it matches `meshlens audit --markdown`', async () => {
    const { buildAuditReport } = await import('../../renderer/src/features/report/audit-report');
    const { renderMarkdown } = await import('../../shared/audit/render');
    const { scoreDataset } = await import('../../shared/audit/score');
    const { describeColumns } = await import('../../shared/semantics/describe');
    const finding = {
      check: 'funnel_inversion',
      title: 'Funnel step above its parent',
      severity: 'error' as const,
      dimension: 'accuracy' as const,
      file: 'ads.csv',
      columns: ['Clicks', 'Impr.'],
      rows: 3,
      message: '3 rows have more Clicks than Impr.',
      sample: [{ line: 11, values: { Clicks: 30, 'Impr.': 25 } }],
      fix: 'Re-export.',
      owner: 'ads' as const,
      explanation: 'CTR is overstated.',
    };
    const result = {
      path: 'ads.csv',
      format: 'tsv',
      encoding: 'utf-16le',
      delimiter: '\t',
      decimalSeparator: '.',
      dateOrder: 'YMD',
      headerLine: 3,
      skippedLines: 2,
      summaryRows: [],
      rows: 43,
      log: [],
      warnings: [],
      tableName: 't',
      rawTableName: 't_raw',
      tables: [],
      preamble: [],
      options: { decimalSeparator: '.' },
      columns: [
        {
          name: 'Impr.',
          originalName: 'Impr.',
          type: 'BIGINT',
          kind: 'integer',
          nulls: 0,
          placeholders: 0,
          percent: false,
        },
        {
          name: 'Clicks',
          originalName: 'Clicks',
          type: 'BIGINT',
          kind: 'integer',
          nulls: 0,
          placeholders: 0,
          percent: false,
        },
      ],
    } as const;
    const semantics = describeColumns(
      result.columns.map((c) => ({ name: c.name, type: c.type })),
      [],
    );
    const audit = {
      kind: 'meshlens.audit' as const,
      revision: 1,
      status: 'done' as const,
      findings: [finding],
      checkErrors: [{ check: 'date_gaps', message: 'no date\nmore' }],
      referenceDate: '2026-02-01',
      score: scoreDataset('ads.csv', 43, [finding]),
    };
    const md = renderMarkdown(
      buildAuditReport('ads.csv', structuredClone(result) as never, semantics, audit),
    );
    expect(md).toContain('# MeshLens audit');
    expect(md).toContain(`**Score ${audit.score.score}/100**`);
    expect(md).toContain('(`funnel_inversion`)');
    expect(md).toContain('| ads.csv | Google Ads');
    expect(md).toContain('`date_gaps`: no date');
    expect(audit.score.score).toBeLessThan(100);
  });
});

describe('inline SVG axes', () => {
  it('use 4 readable steps', async () => {
    const { niceMax } = await import('../../renderer/src/charts/svg');
    expect(niceMax(4)).toBe(4);
    expect(niceMax(3)).toBe(4);
    expect(niceMax(160)).toBe(200);
    expect(niceMax(41)).toBe(80);
    expect(niceMax(1234)).toBe(2000);
    expect(niceMax(0)).toBe(4);
  });
});

describe('HTML report of a dataset with a data product', () => {
  it('shows the product exactly as decided and an empty owner as missing, never a default', () => {
    const named = renderHtmlReport(model({ product: productCardFacts({ name: 'CRM opportunities', owner: 'Sales ops (Maria)', domain: 'sales', consumers: ['Sales pipeline review'] }) }));
    expect(named).toContain('<dt>Name</dt><dd>CRM opportunities</dd><dt>Owner</dt><dd>Sales ops (Maria)</dd>');
    expect(named).toContain('<dd>Sales pipeline review</dd>');
    const unowned = renderHtmlReport(model({ product: productCardFacts({ name: 'CRM opportunities', owner: '' }) }));
    expect(unowned).toContain('<dt>Owner</dt><dd><strong>missing</strong></dd>');
    expect(unowned).toContain('none named yet');
    expect(renderHtmlReport(model())).not.toContain('data-section="product"');
  });
});
