/**
 * inconsistent_labels and url_variants on real files through the importer and real duckdb-wasm:
 * spellings a marketer sees at a glance form one cluster with a well-formed canonical spelling, every
 * low-cardinality text column is checked, free-text queries are not, page paths are grouped once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../../../electron/engine/node-engine';
import type { Finding } from '../../../shared/checks/types';
import { auditFixture, byCheck } from './helpers';

let engine: NodeEngine;
let labels: Finding[];
let pages: Finding[];

beforeAll(async () => {
  engine = await NodeEngine.create();
  labels = (await auditFixture(engine, 'label-clusters-campaign-and-city-spellings.csv')).findings;
  pages = (await auditFixture(engine, 'url-variants-trailing-slash.csv')).findings;
});
afterAll(async () => {
  await engine.close();
});

interface Group {
  canonical: string;
  variants: Array<{ value: string; count: number }>;
}
const groupsOf = (f: Finding | undefined) => (f?.details?.groups ?? []) as Group[];
const labelFinding = (column: string) =>
  byCheck(labels, 'inconsistent_labels').find((f) => f.columns[0] === column);

describe('label clusters', () => {
  it('campaign_spelled_four_ways_was_one_pair_with_misspelled_canonical: one cluster, canonical by consensus', () => {
    const groups = groupsOf(labelFinding('Campaign'));
    expect(groups).toHaveLength(1);
    expect(groups[0]!.canonical).toBe('Data Analytics Course');
    // Every spelling with its row count, the frequent misspelling included.
    expect(groups[0]!.variants).toEqual([
      { value: 'Data Analytics Corse', count: 9 },
      { value: 'Data Anlytics Corse', count: 4 },
      { value: 'DataAnalyticsCourse', count: 3 },
      { value: 'Data Analytcis Course', count: 2 },
    ]);
    // None of the four is the canonical spelling, so all 18 rows use another one.
    expect(labelFinding('Campaign')!.rows).toBe(18);
    expect(labelFinding('Campaign')!.message).toContain('"Data Analytics Corse" (9)');
  });

  it('city_spellings_without_a_role_got_no_finding: a Location column is clustered too', () => {
    const f = labelFinding('Location');
    const groups = groupsOf(f);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.canonical).toBe('Hyderabad');
    expect(groups[0]!.variants.map((v) => v.value).sort()).toEqual(
      ['HYDERABAD', 'Hyderbad', 'hyderabad', 'hydrebad'].sort(),
    );
    expect(f!.rows).toBe(10);
    expect(f!.severity).toBe('warning');
  });

  it('seo_keywords_were_clustered_as_labels: distinct search queries stay unclustered', () => {
    expect(labelFinding('Keyword')).toBeUndefined();
    expect(labels.some((f) => f.columns.includes('Keyword') && f.check === 'inconsistent_labels')).toBe(
      false,
    );
  });
});

describe('url variants', () => {
  it('reports each page with trailing-slash, case or query-string variants once', () => {
    const found = byCheck(pages, 'url_variants');
    expect(found).toHaveLength(1);
    const groups = (found[0]!.details!.groups ?? []) as Array<{
      page: string;
      variants: Array<{ value: string }>;
    }>;
    expect(groups.map((g) => g.variants.map((v) => v.value).sort())).toEqual([
      ['/Pricing', '/pricing', '/pricing/'],
      ['/blog/how-to-tag-campaigns', '/blog/how-to-tag-campaigns/'],
      ['/features', '/features?ref=nav'],
    ]);
    // The most used address of each page is not counted: /pricing/ (388), the blog post with slash (529), /features.
    expect(found[0]!.rows).toBe(4);
    // Page paths are not label clusters as well.
    expect(byCheck(pages, 'inconsistent_labels')).toEqual([]);
  });
});
