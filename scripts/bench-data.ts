/** Generates Google Ads-style exports for the benchmark: title rows, formatted numbers, totals rows. */
import { createWriteStream, existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { seededRandom } from '../shared/math/random';

const CAMPAIGNS = ['Brand - Exact', 'Brand - Broad', 'Generic | EU', 'Retargeting "Q1"', 'Competitors', 'Summer_Sale', 'Shopping - All', 'PMax - Feed'];

function fmt(n: number, decimals = 0): string {
  return n.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}


export async function ensureBenchFile(rows: number, dir = 'bench-data'): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const file = path.resolve(dir, `google-ads-${rows / 1e6}M.csv`);
  if (existsSync(file) && statSync(file).size > rows * 40) return file;
  const out = createWriteStream(file + '.tmp');
  const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
  await write('Campaign report\n"1 January 2020 - 31 December 2026"\n');
  await write('Day,Campaign,Ad group,Clicks,Impr.,CTR,Avg. CPC,Cost,Conversions,Conv. value\n');
  const rand = seededRandom(42);
  const start = Date.UTC(2020, 0, 1);
  let buf = '';
  for (let i = 0; i < rows; i++) {
    const day = new Date(start + (i % 2500) * 86400000).toISOString().slice(0, 10);
    const impr = Math.floor(rand() * 20000) + 1;
    const clicks = Math.floor(impr * rand() * 0.1);
    const cost = clicks * (0.2 + rand() * 3);
    const conv = rand() < 0.3 ? ' --' : String(Math.floor(clicks * rand() * 0.2));
    const ctr = ((clicks / impr) * 100).toFixed(2) + '%';
    const cpc = clicks ? (cost / clicks).toFixed(2) : ' --';
    const camp = CAMPAIGNS[i % CAMPAIGNS.length]!;
    buf += `${day},"${camp.replace(/"/g, '""')}",Ad group ${i % 97},"${fmt(clicks)}","${fmt(impr)}",${ctr},${cpc},"${fmt(cost, 2)}",${conv},"${fmt(cost * 3.1, 2)}"\n`;
    if (buf.length > 1 << 20) {
      await write(buf);
      buf = '';
    }
  }
  await write(buf + 'Total: Account,,,"1,000","20,000",5.00%,1.00,"1,000.00",10,"3,100.00"\n');
  await write('Total: Campaigns,,,"1,000","20,000",5.00%,1.00,"1,000.00",10,"3,100.00"\n');
  await new Promise<void>((r) => out.end(() => r()));
  const { renameSync } = await import('node:fs');
  renameSync(file + '.tmp', file);
  return file;
}
