import { describe, expect, it } from 'vitest';
import { ConfigError, parseAuditConfig } from '../../../shared/audit/config';
import { scoreDataset } from '../../../shared/audit/score';
import type { Finding } from '../../../shared/checks/types';

describe('audit config (YAML)', () => {
  it('reads thresholds, checks turned off, the naming convention, the reference date and role overrides', () => {
    const c = parseAuditConfig(`
referenceDate: 2026-02-01
checks:
  constant_column: off
  metric_outliers: false
  stale_data: { maxAgeDays: 3 }
  duplicate_rows:
    errorShare: 0.01
    severity: error
naming:
  allowedMediums: [cpc, email]
  campaignPattern: "[a-z0-9_]+"
roles:
  "Conv. value": revenue
`);
    expect(c.referenceDate).toBe('2026-02-01');
    expect(c.checks).toEqual({
      constant_column: false,
      metric_outliers: false,
      stale_data: { maxAgeDays: 3 },
      duplicate_rows: { errorShare: 0.01, severity: 'error' },
    });
    expect(c.naming).toEqual({ allowedMediums: ['cpc', 'email'], campaignPattern: '[a-z0-9_]+' });
    expect(c.roles).toEqual({ 'Conv. value': 'revenue' });
  });

  it('an empty file is an empty config', () => {
    expect(parseAuditConfig('')).toEqual({});
  });

  const bad: Array<[string, RegExp]> = [
    ['checks:\n  no_such_check: off', /checks\.no_such_check is not a check/],
    ['checks:\n  stale_data: { maxAge: 3 }', /checks\.stale_data\.maxAge is not a setting of stale_data/],
    ['checks:\n  stale_data: { maxAgeDays: "three" }', /must be a number/],
    ['checks:\n  stale_data: { severity: fatal }', /severity must be error, warning or info/],
    ['referenceDate: yesterday', /referenceDate/],
    ['naming:\n  lowercase: yes please', /naming\.lowercase/],
    ['naming:\n  campaignPattern: "[a-"', /not a valid regular expression/],
    ['roles:\n  Cost: money', /roles\.Cost/],
    ['colour: blue', /colour|Unrecognized/i],
    ['checks: [', /not valid YAML/],
  ];
  for (const [text, message] of bad) {
    it(`rejects ${JSON.stringify(text)}`, () => {
      expect(() => parseAuditConfig(text, 'meshlens.yaml')).toThrow(ConfigError);
      expect(() => parseAuditConfig(text, 'meshlens.yaml')).toThrow(message);
    });
  }
});

const finding = (over: Partial<Finding>): Finding => ({
  check: 'duplicate_rows',
  title: 't',
  severity: 'error',
  dimension: 'uniqueness',
  file: 'a.csv',
  columns: ['x'],
  rows: 1,
  message: 'm',
  sample: [],
  fix: 'f',
  owner: 'data',
  explanation: 'e',
  ...over,
});

describe('score', () => {
  it('is 100 without findings', () => {
    const s = scoreDataset('a.csv', 100, []);
    expect(s.score).toBe(100);
    expect(Object.values(s.dimensions).every((v) => v === 100)).toBe(true);
  });

  it('weighs severity, dimension and extent', () => {
    const fewRows = scoreDataset('a.csv', 1000, [finding({ rows: 1 })]);
    const manyRows = scoreDataset('a.csv', 1000, [finding({ rows: 500 })]);
    expect(manyRows.score).toBe(75); // error 25 × uniqueness 1 × extent 1
    expect(fewRows.score).toBeGreaterThan(manyRows.score);
    const warning = scoreDataset('a.csv', 1000, [finding({ rows: 500, severity: 'warning' })]);
    expect(warning.score).toBe(92);
    const timeliness = scoreDataset('a.csv', 1000, [
      finding({ rows: 500, severity: 'warning', dimension: 'timeliness' }),
    ]);
    expect(timeliness.score).toBeGreaterThan(warning.score);
    expect(timeliness.dimensions.timeliness).toBeLessThan(100);
    expect(timeliness.dimensions.uniqueness).toBe(100);
  });

  it('never goes below zero and ignores other files', () => {
    const many = Array.from({ length: 10 }, () => finding({ rows: 1000 }));
    expect(scoreDataset('a.csv', 1000, many).score).toBe(0);
    expect(scoreDataset('b.csv', 1000, many).score).toBe(100);
  });
});
