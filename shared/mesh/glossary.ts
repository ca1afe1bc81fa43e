/** Plain-language definitions of every term the walkthroughs and the workshop use. */
export interface GlossaryEntry {
  term: string;
  definition: string;
  example: string;
}

export const GLOSSARY = {
  data_mesh: {
    term: 'Data mesh',
    definition:
      'A way of organising data work where the teams that produce data also own it and share it as products, on a common self-serve platform, under a few rules everyone agrees on.',
    example: 'Marketing owns the ad exports; Sales owns the CRM file; both follow the same naming and PII rules.',
  },
  domain: {
    term: 'Domain',
    definition: 'A part of the business with its own people, goals and data, such as marketing, sales or product.',
    example: 'The marketing domain runs the ad accounts, so it produces the Google Ads and Meta exports.',
  },
  owner: {
    term: 'Owner',
    definition: 'The named person or team who answers for a dataset: what it means, how good it is, and fixing it when it breaks.',
    example: 'The paid-search lead owns the Google Ads export.',
  },
  data_product: {
    term: 'Data product',
    definition:
      'A dataset that is shared on purpose: it has a name, an owner, a description of each column, promises about quality and freshness, and known users.',
    example: '"Paid search daily performance", owned by marketing, refreshed every morning, one row per day and campaign.',
  },
  consumer: {
    term: 'Consumer',
    definition: 'Anyone who uses a data product: a person, a report, a dashboard or another team.',
    example: 'Finance reads the ad spend to reconcile invoices; the CMO dashboard reads conversions.',
  },
  grain: {
    term: 'Grain',
    definition: 'What one row stands for. Getting it wrong double-counts or loses numbers when data is added up or joined.',
    example: 'One row per day and campaign.',
  },
  sli: {
    term: 'SLI (service level indicator)',
    definition: 'A number that measures one aspect of quality, computed from the data itself.',
    example: 'Share of rows with no campaign name.',
  },
  slo: {
    term: 'SLO (service level objective)',
    definition: 'A target for an indicator that the owner promises to keep.',
    example: 'Rows with no campaign name stay below 1%.',
  },
  sla: {
    term: 'SLA (service level agreement)',
    definition: 'Promises about delivery, such as how often the data is refreshed and how late it may arrive.',
    example: 'Refreshed daily, at most one day behind.',
  },
  contract: {
    term: 'Data contract',
    definition:
      'A machine-readable agreement between the producer and the consumers of a dataset: its schema, its quality rules and its delivery promises. A contract can be run against a new file to see whether the promises still hold.',
    example: 'An .odcs.yaml file (Open Data Contract Standard) that says "Cost is a number and is never negative".',
  },
  breaking_change: {
    term: 'Breaking change',
    definition: 'A change to a dataset that makes existing consumers fail or silently give wrong answers: a removed or renamed column, or a changed type.',
    example: 'Renaming "Cost" to "Cost (EUR)" breaks every report that reads "Cost".',
  },
  lineage: {
    term: 'Lineage',
    definition: 'Where data came from and what happened to it on the way: which system exported it, which steps changed it, which products use it.',
    example: 'Google Ads UI → CSV export → MeshLens import (2 total rows removed) → paid search data product.',
  },
  self_serve_platform: {
    term: 'Self-serve platform',
    definition: 'Shared tools that let every domain check, describe and publish its own data without waiting for a central team.',
    example: 'A saved check pack that any team can run on next month’s export in one click.',
  },
  check_pack: {
    term: 'Check pack',
    definition: 'A saved set of checks and expectations (columns, volume, labels) that can be rerun on a new file of the same kind.',
    example: 'The September Google Ads checks, rerun on the October export.',
  },
  federated_governance: {
    term: 'Federated governance',
    definition:
      'A few organisation-wide rules (privacy, naming, required fields) decided together and applied by every domain to its own data, ideally checked automatically.',
    example: 'No file shared outside its domain may contain e-mail addresses.',
  },
  policy: {
    term: 'Policy',
    definition: 'One organisation-wide rule that every domain applies, written so a machine can check it.',
    example: 'Column names use snake_case.',
  },
  pii: {
    term: 'PII (personal data)',
    definition: 'Information that identifies a person, such as an e-mail address or phone number. It needs a reason and protection to be shared.',
    example: 'The owner_email column of a CRM export.',
  },
  source_of_truth: {
    term: 'Source of truth',
    definition: 'The system whose numbers the business agrees to trust for a given fact, such as the CRM for won deals or the shop for orders.',
    example: 'The CRM says 96 deals were won in September.',
  },
  attribution: {
    term: 'Attribution',
    definition: 'Deciding which marketing touch gets credit for a sale. Each ad platform counts with its own rules and windows, so the platforms together usually claim more sales than happened.',
    example: 'Google Ads and Meta both count the same buyer who clicked an ad on each.',
  },
  freshness: {
    term: 'Freshness',
    definition: 'How recent the data is compared with today, and how often it is refreshed.',
    example: 'The newest row is from yesterday.',
  },
  quality_score: {
    term: 'Quality score',
    definition: 'A 0 to 100 summary of the checks that ran: errors cost more than warnings.',
    example: 'A score of 82 with 2 errors to fix.',
  },
} satisfies Record<string, GlossaryEntry>;

export type GlossaryTermId = keyof typeof GLOSSARY;
export const GLOSSARY_IDS = Object.keys(GLOSSARY) as GlossaryTermId[];
