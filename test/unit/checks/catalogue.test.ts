import { describe, expect, it } from 'vitest';
import { CATALOGUE, checkById } from '../../../shared/checks/catalogue';
import {
  groupLabels,
  labelKey,
  nearDuplicate,
  utmViolations,
  defaultNaming,
} from '../../../shared/checks/labels';
import { robustOutliers } from '../../../shared/checks/outliers';

const REQUIRED = [
  'missing_values',
  'high_null_column',
  'constant_column',
  'placeholder_values',
  'duplicate_rows',
  'duplicate_keys',
  'negative_metric',
  'funnel_inversion',
  'derived_metric_mismatch',
  'totals_mismatch',
  'future_dates',
  'date_out_of_range',
  'date_gaps',
  'stale_data',
  'inconsistent_labels',
  'utm_convention',
  'mixed_currency',
  'invalid_format',
  'pii_detected',
  'metric_outliers',
];

describe('the catalogue', () => {
  it('holds every required check once, with snake_case ids', () => {
    const ids = CATALOGUE.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of REQUIRED) expect(ids, id).toContain(id);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(_[a-z]+)*$/);
  });

  it('describes each check for a marketer', () => {
    for (const c of CATALOGUE) {
      expect(c.title.length, c.id).toBeGreaterThan(5);
      expect(c.explanation.length, c.id).toBeGreaterThan(80);
      expect(c.fix.length, c.id).toBeGreaterThan(30);
      expect(['completeness', 'uniqueness', 'validity', 'consistency', 'timeliness', 'accuracy']).toContain(
        c.dimension,
      );
      expect(['ads', 'analytics', 'crm', 'data', 'governance']).toContain(c.owner);
      expect(c.severity(0, 100, c.defaults)).toBeNull();
      expect(checkById(c.id)).toBe(c);
    }
  });
});

describe('label variants', () => {
  it('share one key across case, spacing, punctuation and aliases', () => {
    expect(labelKey('Summer_Sale')).toBe(labelKey('summer sale '));
    expect(labelKey('Summer-Sale')).toBe('sale summer');
    expect(labelKey('Sale Summer')).toBe(labelKey('summer sale'));
    expect(labelKey('Facebook')).toBe(labelKey('fb'));
    expect(labelKey('E-Mail')).toBe('email');
    expect(labelKey('Brand DE')).not.toBe(labelKey('Brand BE'));
  });

  it('near duplicates are one insertion, deletion or swap apart, never a substitution or a digit', () => {
    expect(nearDuplicate('summer sale', 'sumer sale')).toBe(true);
    expect(nearDuplicate('retargeting', 'retaregting')).toBe(true);
    expect(nearDuplicate('campaign 1', 'campaign 2')).toBe(false);
    expect(nearDuplicate('brand de x', 'brand be x')).toBe(false);
    expect(nearDuplicate('short', 'shrt')).toBe(false);
  });

  it('groups variants and proposes the spelling in the column\'s own style', () => {
    const groups = groupLabels([
      { value: 'facebook', count: 10 },
      { value: 'Facebook', count: 3 },
      { value: 'fb', count: 1 },
      { value: 'google', count: 20 },
      { value: 'Summer_Sale', count: 5 },
      { value: 'summer sale ', count: 2 },
    ]);
    expect(groups).toHaveLength(2);
    const fb = groups.find((g) => g.canonical === 'facebook')!;
    expect(fb.variants.map((v) => v.value)).toEqual(['facebook', 'Facebook', 'fb']);
    // The column writes lowercase; the spelling with a stray space is rebuilt cleanly.
    expect(groups.find((g) => g.canonical === 'summer sale')!.variants).toHaveLength(2);
  });
});

describe('UTM convention', () => {
  const naming = defaultNaming();
  it('accepts lowercase values without spaces and allowed mediums, and GA values in brackets', () => {
    expect(utmViolations('newsletter', 'source', naming)).toEqual([]);
    expect(utmViolations('email', 'medium', naming)).toEqual([]);
    expect(utmViolations('(none)', 'medium', naming)).toEqual([]);
    expect(utmViolations('(direct)', 'source', naming)).toEqual([]);
  });
  it('names what is wrong', () => {
    expect(utmViolations('Newsletter', 'source', naming)).toEqual(['not lowercase']);
    expect(utmViolations('paid social', 'medium', naming)).toEqual([
      'contains spaces',
      'not in the allowed list of mediums',
    ]);
    expect(
      utmViolations('spring-2026', 'campaign', { ...naming, campaignPattern: '[a-z]+_[0-9]{4}' }),
    ).toEqual(['does not match [a-z]+_[0-9]{4}']);
  });
});

describe('robust outliers', () => {
  const base = Array.from({ length: 20 }, (_, i) => ({
    date: `2026-01-${String(i + 1).padStart(2, '0')}`,
    value: 100 + (i % 5) * 3,
  }));
  it('finds a spike and a drop, not the normal variation', () => {
    const series = base.map((s, i) => (i === 7 ? { ...s, value: 400 } : i === 12 ? { ...s, value: 5 } : s));
    const found = robustOutliers(series);
    expect(found.map((o) => [o.date, o.direction])).toEqual([
      ['2026-01-08', 'spike'],
      ['2026-01-13', 'drop'],
    ]);
    expect(robustOutliers(base)).toEqual([]);
  });
  it('is not fooled by the outlier itself the way a mean/stddev z-score is', () => {
    // Two huge spikes inflate the standard deviation so a plain z-score (>3) misses them; MAD does not.
    const series = base.map((s, i) => (i === 3 || i === 15 ? { ...s, value: 1000 } : s));
    const values = series.map((s) => s.value);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
    expect((1000 - mean) / sd).toBeLessThan(3.5);
    expect(robustOutliers(series)).toHaveLength(2);
  });
});
