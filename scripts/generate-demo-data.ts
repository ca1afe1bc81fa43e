/**
 * Writes the workshop demo datasets into assets/demo/: a fictional e-bike maker, Fjordline Bikes, with a
 * marketing domain (Google Ads and Meta exports in their real layouts, with planted problems), a sales domain
 * (CRM opportunities) and a product domain (app usage). Deterministic: a seeded generator, fixed dates,
 * so running it twice writes the same bytes. Run: `npx tsx scripts/generate-demo-data.ts [outDir]`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { seededRandom } from '../shared/math/random';
import { DEMO_COMPANY, DEMO_FILES } from '../shared/mesh/demo';


const rand = seededRandom(20260901);
const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const us = (n: number) => n.toLocaleString('en-US');
const money = (n: number) => n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const csvCell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out[0] = 0xff;
  out[1] = 0xfe;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 + i * 2] = c & 0xff;
    out[3 + i * 2] = c >> 8;
  }
  return out;
}

const GOOGLE_CAMPAIGNS = ['Brand - DE', 'Generic - E-Bikes', 'Competitor - DE', 'Shopping - Accessories'];

/** Google Ads "Campaign report": UTF-16LE, tab-separated, two title rows, Total rows at the end. */
function googleAds(month: 9 | 10): Uint8Array {
  const days = month === 9 ? 30 : 31;
  const monthName = month === 9 ? 'September' : 'October';
  const campaigns = month === 10 ? [...GOOGLE_CAMPAIGNS, 'Winter Sale - DE'] : GOOGLE_CAMPAIGNS;
  const header = ['Day', 'Campaign', 'Campaign status', 'Currency code', 'Impr.', 'Clicks', 'CTR', 'Avg. CPC', 'Cost', 'Conversions'];
  if (month === 10) header.push('Conv. value');
  const lines = ['Campaign report', `1 ${monthName} 2026 - ${days} ${monthName} 2026`, header.join('\t')];
  let tImpr = 0, tClicks = 0, tCost = 0, tConv = 0;
  for (let d = 1; d <= days; d++) {
    if (month === 9 && d === 14) continue; // planted: a whole day missing
    for (const [ci, campaign] of campaigns.entries()) {
      let impr = int(800, 4000) * (ci === 0 ? 2 : 1);
      const clicks = Math.round(impr * (0.02 + rand() * 0.06));
      const cpc = 0.4 + rand() * 1.2;
      const cost = Math.round(clicks * cpc * 100) / 100;
      const conv = Math.round(clicks * (0.003 + rand() * 0.004) * 100) / 100;
      let name = campaign;
      if (month === 9 && d === 9 && ci === 1) impr = Math.round(clicks / 2); // planted: funnel inversion
      if (month === 9 && (d === 20 || d === 21) && ci === 0) name = 'brand - de'; // planted: label variant
      const convText = month === 9 && d === 3 && ci === 3 ? ' --' : money(conv); // planted: placeholder
      const row = [iso(2026, month, d), name, 'Enabled', 'EUR', us(impr), us(clicks), ((clicks / impr) * 100).toFixed(2) + '%', money(clicks ? cost / clicks : 0), money(cost), convText];
      if (month === 10) row.push(money(Math.round(conv * 1850)));
      if (month === 9 && d === 27 && ci === 2) row[1] = ''; // planted: campaign name missing
      lines.push(row.join('\t'));
      if (month === 9 && d === 12 && ci === 0) lines.push(row.join('\t')); // planted: the same row exported twice
      tImpr += impr; tClicks += clicks; tCost += cost; tConv += conv;
    }
  }
  const total = ['Total: Account', '--', '--', 'EUR', us(tImpr), us(tClicks), ((tClicks / tImpr) * 100).toFixed(2) + '%', money(tCost / tClicks), money(tCost), money(tConv)];
  if (month === 10) total.push('--');
  lines.push(total.join('\t'));
  lines.push(['Total: Search', '--', '--', 'EUR', us(tImpr), us(tClicks), '--', '--', money(tCost), money(tConv)].concat(month === 10 ? ['--'] : []).join('\t'));
  return utf16le(lines.join('\r\n') + '\r\n');
}

/** Meta Ads Manager export: UTF-8 CSV, one row per day × campaign × ad set, reporting window columns. */
function meta(): string {
  const sets: [string, string][] = [
    ['FJ_Prospecting_Sept', 'Lookalike 1% - DE'],
    ['FJ_Prospecting_Sept', 'Interest - Cycling'],
    ['FJ_Retargeting', 'Site visitors 30d'],
  ];
  const header = ['Reporting starts', 'Reporting ends', 'Day', 'Campaign name', 'Ad set name', 'Amount spent (EUR)', 'Impressions', 'Reach', 'Link clicks', 'Purchases'];
  const lines = [header.map(csvCell).join(',')];
  for (let d = 1; d <= 30; d++) {
    for (const [si, [campaign, adSet]] of sets.entries()) {
      const impr = int(3000, 9000);
      let reach = Math.round(impr * (0.55 + rand() * 0.3));
      const clicks = Math.round(impr * (0.008 + rand() * 0.012));
      const spend = Math.round(impr * (0.006 + rand() * 0.004) * 100) / 100;
      const purchases = si === 2 ? int(0, 2) : int(0, 1);
      if (d === 17 && si === 0) reach = impr + 250; // planted: reach above impressions
      const set = d === 24 && si === 1 ? '' : adSet; // planted: empty ad set name
      lines.push(['2026-09-01', '2026-09-30', iso(2026, 9, d), campaign, set, spend.toFixed(2), String(impr), String(reach), String(clicks), String(purchases)].map(csvCell).join(','));
    }
  }
  return lines.join('\n') + '\n';
}

const ACCOUNTS = ['Velo Hamburg', 'Radhaus Köln', 'Bike Loft Berlin', 'Pedalwerk München', 'Zweirad Leipzig', 'Cycle Corner Bremen', 'E-Motion Dresden', 'Sattelfest Stuttgart', 'Kette & Co Hannover', 'Urban Ride Frankfurt'];
const REPS = ['anna.berg@fjordline-bikes.example', 'jonas.meyer@fjordline-bikes.example', 'lea.schulz@fjordline-bikes.example'];

/** CRM opportunities (sales domain): the source of truth for won deals, with the lead source sales recorded. */
function crm(): string {
  const header = ['opportunity_id', 'account_name', 'created_date', 'close_date', 'stage', 'amount_eur', 'lead_source', 'owner_email'];
  const lines = [header.join(',')];
  const sources = ['Google Ads', 'Google Ads', 'Meta', 'Organic', 'Referral', 'Events'];
  for (let i = 1; i <= 240; i++) {
    const created = int(1, 28);
    const close = Math.min(30, created + int(0, 10));
    const r = rand();
    const stage = r < 0.42 ? 'Closed Won' : r < 0.7 ? 'Closed Lost' : r < 0.85 ? 'Negotiation' : 'Qualification';
    let source = pick(sources);
    if (i % 37 === 0) source = ''; // planted: lead source not recorded
    const id = `OPP-${String(26000 + i)}`;
    const row = [id, pick(ACCOUNTS), iso(2026, 9, created), stage.startsWith('Closed') ? iso(2026, 9, close) : '', stage, String(int(18, 60) * 100), source, pick(REPS)];
    lines.push(row.map(csvCell).join(','));
    if (i === 100) lines.push(row.map(csvCell).join(',')); // planted: the same opportunity twice
  }
  return lines.join('\n') + '\n';
}

/** Product usage (product domain): daily active users per account and feature in the companion app. */
function usage(): string {
  const features = ['ride_tracking', 'battery_health', 'theft_alert'];
  const lines = ['date,account_id,plan,feature,active_users,sessions'];
  for (let d = 1; d <= 30; d++) {
    for (let a = 1; a <= 8; a++) {
      for (const f of features) {
        const users = int(2, 40);
        let sessions = users * int(1, 4);
        if (d === 11 && a === 3 && f === 'theft_alert') sessions = -sessions; // planted: negative count
        lines.push([iso(2026, 9, d), `ACC-${String(a).padStart(3, '0')}`, a <= 3 ? 'Pro' : 'Basic', f, String(users), String(sessions)].join(','));
      }
    }
  }
  return lines.join('\n') + '\n';
}

const GEO_TEST_REGIONS: [string, 'test' | 'control', number][] = [
  ['Hamburg', 'test', 5], ['Berlin', 'test', 7], ['München', 'test', 6], ['Frankfurt', 'test', 4],
  ['Köln', 'control', 5], ['Leipzig', 'control', 3], ['Dresden', 'control', 3], ['Stuttgart', 'control', 5],
];

/**
 * A geo holdout (marketing domain): Meta prospecting ran everywhere until 14 September, then was paused in the
 * control regions. Orders per region and day from the web shop, and the purchases Meta claimed in each region.
 * Planted: Meta claims about three times what the test shows (true lift 1.5 orders per test region and day).
 */
function geoTest(): string {
  const r = seededRandom(20260915);
  const lines = ['date,region,group,period,orders,meta_claimed_purchases'];
  for (let d = 1; d <= 30; d++) {
    const testPeriod = d >= 15;
    for (const [region, group, base] of GEO_TEST_REGIONS) {
      const weekend = [5, 6].includes(new Date(Date.UTC(2026, 8, d)).getUTCDay()) ? 1.3 : 1;
      const lift = testPeriod && group === 'test' ? 1.5 : 0;
      const orders = Math.max(0, Math.round(base * weekend + lift + (r() + r() + r() - 1.5) * 1.2));
      const claimed = group === 'test' || !testPeriod ? Math.round(1.5 + r() * 4) : 0;
      lines.push([iso(2026, 9, d), region, group, testPeriod ? 'test' : 'pre', String(orders), String(claimed)].join(','));
    }
  }
  return lines.join('\n') + '\n';
}

const outDir = process.argv[2] ?? path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'assets', 'demo');
mkdirSync(outDir, { recursive: true });
const contents: Record<string, Uint8Array | string> = {
  'google-ads-campaigns-2026-09.csv': googleAds(9),
  'meta-ads-2026-09.csv': meta(),
  'crm-opportunities-2026-09.csv': crm(),
  'product-usage-2026-09.csv': usage(),
  'google-ads-campaigns-2026-10.csv': googleAds(10),
  'geo-test-meta-2026-09.csv': geoTest(),
};
for (const f of DEMO_FILES) {
  const body = contents[f.file];
  if (body === undefined) throw new Error(`no generator for ${f.file}`);
  writeFileSync(path.join(outDir, f.file), body);
}
writeFileSync(path.join(outDir, 'manifest.json'), JSON.stringify({ company: DEMO_COMPANY, files: DEMO_FILES }, null, 2) + '\n');
console.log(`wrote ${DEMO_FILES.length} demo files for ${DEMO_COMPANY.name} to ${outDir}`);
