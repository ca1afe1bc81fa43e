/** One defect, one finding: no phantom gaps from out-of-range rows, no format warning for a PII error. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../../../electron/engine/node-engine';
import { personalDataClassification } from '../../../shared/checks/personal-data';
import type { Semantics } from '../../../shared/semantics/describe';
import type { Role } from '../../../shared/semantics/roles';
import { auditFixture, byCheck } from './helpers';

let engine: NodeEngine;
beforeAll(async () => {
  engine = await NodeEngine.create();
});
afterAll(async () => {
  await engine.close();
});

describe('no cascades', () => {
  it('rows_after_stated_range_created_phantom_date_gaps: out-of-range rows are reported once, as out of range', async () => {
    // Title says 1-10 January; two extra rows on the 17th and 24th.
    const { findings } = await auditFixture(engine, 'date-gaps-rows-after-stated-range.csv');
    const out = byCheck(findings, 'date_out_of_range');
    expect(out).toHaveLength(1);
    expect(out[0]!.rows).toBe(2);
    expect(out[0]!.sample.map((s) => s.line)).toEqual([14, 15]);
    expect(byCheck(findings, 'date_gaps')).toEqual([]);
  });

  it('still finds a gap inside the stated period', async () => {
    const { findings } = await auditFixture(engine, 'date-gaps-missing-days.csv');
    expect(byCheck(findings, 'date_gaps').length).toBeGreaterThan(0);
  });

  it('raw_emails_in_hash_column_were_also_counted_as_format_warning: only the other malformed values are', async () => {
    const { findings } = await auditFixture(engine, 'invalid-format-raw-emails-and-md5-in-hash-column.csv');
    const pii = byCheck(findings, 'pii_detected');
    expect(pii.map((f) => [f.severity, f.rows])).toEqual([['error', 2]]);
    expect(pii[0]!.sample.map((s) => s.line)).toEqual([6, 15]);
    const format = byCheck(findings, 'invalid_format');
    expect(format.map((f) => [f.severity, f.rows])).toEqual([['warning', 1]]);
    // The MD5 on line 11, not the e-mails.
    expect(format[0]!.sample.map((s) => s.line)).toEqual([11]);
  });
});

describe('personal data in contact exports', () => {
  it('names what the file holds, for the contract and the governance walkthrough', () => {
    const col = (name: string, role: Role) => ({
      name,
      originalName: name,
      type: 'VARCHAR',
      kind: 'text' as const,
      role,
      roleSource: 'header' as const,
      percent: false,
      unparsed: 0,
    });
    const semantics = {
      columns: [col('Email', 'email'), col('Phone', 'phone'), col('Stage', 'segment')],
    } as unknown as Semantics;
    expect(personalDataClassification(semantics)).toMatchObject({
      classification: 'personal',
      categories: ['email', 'phone'],
      summary: 'holds e-mail addresses and phone numbers: personal data',
    });
    // A bare "Name" column alone may name a product: no classification.
    const names = { columns: [col('Name', 'person_name')] } as unknown as Semantics;
    expect(personalDataClassification(names).classification).toBeNull();
  });

  it('crm_contacts_are_classified_not_warned: an info saying what personal data the file holds', async () => {
    const { findings } = await auditFixture(engine, 'hubspot-contacts-clean.csv');
    const info = byCheck(findings, 'personal_data');
    expect(info).toHaveLength(1);
    expect(info[0]!.severity).toBe('info');
    expect(info[0]!.message).toContain(
      "This file holds e-mail addresses and names of people: personal data ('First Name', 'Last Name', 'Email'; 10 rows).",
    );
    expect(info[0]!.details).toMatchObject({ classification: 'personal' });
    expect(findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('audiences and hashed-ID columns keep their warning or error, and are not classified twice', async () => {
    const audience = (await auditFixture(engine, 'pii-unhashed-audience-upload.csv')).findings;
    expect(byCheck(audience, 'pii_detected').map((f) => f.severity)).toContain('warning');
    expect(byCheck(audience, 'personal_data')).toEqual([]);
    const hashed = (await auditFixture(engine, 'pii-raw-email-in-hashed-column.csv')).findings;
    expect(byCheck(hashed, 'pii_detected').map((f) => f.severity)).toEqual(['error']);
  });
});
