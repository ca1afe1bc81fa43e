/**
 * A Google Ads "Campaign performance" export as Google writes it (UTF-16LE with a BOM, tab-separated, two
 * title rows, a totals row), carrying planted problems whose rows the findings screen must show:
 * - 3 rows with more clicks than impressions (lines listed in PLANTED.funnelLines),
 * - 1 row with a negative cost,
 * - 1 row exported twice (an exact duplicate),
 * - 2 rows whose campaign is spelled `summer sale ` instead of `Summer_Sale`.
 */
export const CAMPAIGNS = ['Summer_Sale', 'Brand_Search', 'Winter_Promo'] as const;
export const DAYS = 14;

export interface PlantedFixture {
  bytes: Uint8Array;
  text: string;
  /** 1-based physical lines of the rows with clicks > impressions. */
  funnelLines: number[];
  negativeCostLine: number;
  duplicateLines: [number, number];
  variantLines: number[];
  dataRows: number;
}

function fmtInt(n: number): string {
  return n.toLocaleString('en-US');
}

export function googleAdsWithPlantedProblems(): PlantedFixture {
  const lines = ['Campaign performance', `1 January 2026 - ${DAYS} January 2026`];
  lines.push(
    [
      'Day',
      'Campaign',
      'Campaign type',
      'Currency code',
      'Impr.',
      'Clicks',
      'CTR',
      'Avg. CPC',
      'Cost',
      'Conversions',
    ].join('\t'),
  );
  const funnelLines: number[] = [];
  const variantLines: number[] = [];
  let negativeCostLine = 0;
  let dupLine = 0;
  for (let d = 1; d <= DAYS; d++) {
    const day = `2026-01-${String(d).padStart(2, '0')}`;
    CAMPAIGNS.forEach((campaign, c) => {
      const k = d * 3 + c;
      let impr = 900 + ((k * 137) % 700);
      let clicks = 20 + ((k * 31) % 60);
      const cpc = 0.5 + ((k * 7) % 40) / 100;
      let cost = Math.round(clicks * cpc * 100) / 100;
      let name: string = campaign;
      const line = lines.length + 1;
      if ((d === 3 || d === 7 || d === 11) && c === 1) {
        impr = clicks - 5; // clicks above impressions
        funnelLines.push(line);
      }
      if (d === 5 && c === 2) {
        cost = -cost;
        negativeCostLine = line;
      }
      if ((d === 9 || d === 10) && c === 0) {
        name = 'summer sale ';
        variantLines.push(line);
      }
      if (impr <= 0) impr = 1;
      if (clicks > 5000) clicks = 5000;
      const ctr = ((clicks / impr) * 100).toFixed(2) + '%';
      const avgCpc = clicks ? (Math.abs(cost) / clicks).toFixed(2) : '0.00';
      const conv = ((k * 13) % 7).toFixed(2);
      const row = [
        day,
        name,
        'Search',
        'EUR',
        fmtInt(impr),
        fmtInt(clicks),
        ctr,
        avgCpc,
        cost.toFixed(2),
        conv,
      ];
      lines.push(row.join('\t'));
      if (d === 6 && c === 0) {
        lines.push(row.join('\t')); // exported twice
        dupLine = line;
      }
    });
  }
  const dataRows = lines.length - 3;
  lines.push(
    ['Total: Account', '--', '--', 'EUR', '50,000', '2,000', '4.00%', '0.70', '1,400.00', '120.00'].join(
      '\t',
    ),
  );
  const text = lines.join('\r\n') + '\r\n';
  const body = new Uint8Array(2 + text.length * 2);
  body[0] = 0xff;
  body[1] = 0xfe;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    body[2 + i * 2] = code & 0xff;
    body[3 + i * 2] = code >> 8;
  }
  return {
    bytes: body,
    text,
    funnelLines,
    negativeCostLine,
    duplicateLines: [dupLine, dupLine + 1],
    variantLines,
    dataRows,
  };
}
