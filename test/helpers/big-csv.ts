/** A large Google-Ads-like CSV for measurements, written in chunks (never held whole in memory twice). */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

const CAMPAIGNS = ['Brand - DE', 'Generic - E-Bikes', 'Shopping - Accessories', 'Retargeting', 'Summer_Sale', 'Winter_Promo', 'Video - Awareness', 'Display - Prospecting'];

export async function writeBigAdsCsv(file: string, rows: number): Promise<number> {
  const out = createWriteStream(file);
  out.write('Day,Campaign,Ad group,Impressions,Clicks,CTR,Cost,Conversions\n');
  const start = Date.UTC(2024, 0, 1);
  let chunk = '';
  for (let i = 0; i < rows; i++) {
    const day = new Date(start + (i % 730) * 86_400_000).toISOString().slice(0, 10);
    const campaign = CAMPAIGNS[i % CAMPAIGNS.length]!;
    const impressions = 500 + ((i * 7919) % 20_000);
    const clicks = Math.floor(impressions * (0.01 + ((i * 31) % 50) / 1000));
    const ctr = ((clicks / impressions) * 100).toFixed(2);
    const cost = (clicks * (0.2 + ((i * 13) % 90) / 100)).toFixed(2);
    chunk += `${day},${campaign},Group ${i % 97},${impressions},${clicks},${ctr}%,${cost},${(i * 17) % 11}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
  return rows;
}
