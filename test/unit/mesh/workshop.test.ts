import { describe, expect, it } from 'vitest';
import { DEMO_FILES } from '../../../shared/mesh/demo';
import { GLOSSARY, GLOSSARY_IDS } from '../../../shared/mesh/glossary';
import { WALKTHROUGHS } from '../../../shared/mesh/walkthroughs';
import { agendaMinutes, decisionsMarkdown, emptyDecisions, formatClock, secondsLeft, WORKSHOP_AGENDA } from '../../../shared/mesh/workshop';

describe('workshop agenda', () => {
  it('runs every walkthrough once, each on a demo file, in under three hours', () => {
    const ex = WORKSHOP_AGENDA.filter((i) => i.kind === 'exercise');
    expect(ex.map((i) => i.walkthroughId).sort()).toEqual(WALKTHROUGHS.map((w) => w.id).sort());
    for (const i of ex) expect(DEMO_FILES.map((f) => f.file)).toContain(i.dataset);
    expect(agendaMinutes()).toBe(155);
  });

  it('counts down and goes negative when over time', () => {
    const item = WORKSHOP_AGENDA[1]!;
    expect(secondsLeft(item, 0, 60_000)).toBe(14 * 60);
    expect(formatClock(secondsLeft(item, 0, 16 * 60_000))).toBe('-1:00');
  });
});

describe('decisions summary', () => {
  it('prints each dataset’s product and owner as decided, marks what is missing, and adopted policies', () => {
    const d = emptyDecisions();
    d.policies[0]!.adopted = true;
    d.policies[2]!.note = 'not for vendor exports';
    const md = decisionsMarkdown(
      d,
      [
        { dataset: 'google-ads-campaigns-2026-09.csv', name: 'Paid search daily', domain: 'marketing', owner: 'Jana | Paid search', consumers: ['CMO dashboard'] },
        { dataset: 'crm-opportunities-2026-09.csv', name: '', domain: 'sales', owner: '', consumers: [] },
      ],
      '2026-11-24',
    );
    expect(md).toContain('| google-ads-campaigns-2026-09.csv | Paid search daily | Marketing | Jana / Paid search | CMO dashboard |');
    expect(md).toContain('| crm-opportunities-2026-09.csv | (not named) | Sales | (missing) | (none named) |');
    expect(md).toContain('- Adopted: No e-mail addresses in shared data');
    expect(md).toContain('- Not adopted: Column names use snake_case (not for vendor exports)');
  });
});

describe('glossary', () => {
  it('defines every term the walkthroughs use and the ones the issue names', () => {
    for (const w of WALKTHROUGHS) for (const s of w.steps) for (const t of s.terms ?? []) expect(GLOSSARY_IDS).toContain(t);
    for (const t of ['data_product', 'slo', 'contract', 'domain', 'consumer', 'lineage'] as const) expect(GLOSSARY[t].definition.length).toBeGreaterThan(40);
  });
});
