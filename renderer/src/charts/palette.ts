/**
 * Chart colours as CSS custom properties, so one chart follows the light or dark theme without re-rendering.
 * The same variables are written into the exported HTML report, whose inline SVG uses them too.
 */
export const LIGHT = {
  rows: '#4663d8',
  metric: '#d9731f',
  bar: '#4663d8',
  error: '#c93b3b',
  warning: '#d49a1a',
  info: '#3f86b8',
  grid: '#e2e5eb',
  axis: '#5d6473',
  text: '#1d2330',
  surface: '#ffffff',
} as const;

export const DARK: Record<keyof typeof LIGHT, string> = {
  rows: '#7c95f2',
  metric: '#f0a35e',
  bar: '#7c95f2',
  error: '#ef6b6b',
  warning: '#f1c04f',
  info: '#6cb2e3',
  grid: '#343a46',
  axis: '#a3abba',
  text: '#e6e9ef',
  surface: '#1b1f27',
};

export type ChartColor = keyof typeof LIGHT;

/** `var(--ml-chart-rows, #4663d8)`: usable in SVG attributes and in Recharts' fill/stroke props. */
export function chartVar(name: ChartColor): string {
  return `var(--ml-chart-${name}, ${LIGHT[name]})`;
}

function declarations(values: Record<string, string>): string {
  return Object.entries(values)
    .map(([k, v]) => `--ml-chart-${k}: ${v};`)
    .join(' ');
}

/**
 * CSS that defines the variables: light by default, dark under `[data-theme="dark"]` / `.dark`, and dark when
 * the system prefers it unless the app pinned the light theme.
 */
export function chartPaletteCss(): string {
  const light = declarations(LIGHT);
  const dark = declarations(DARK);
  return [
    `:root { ${light} }`,
    `[data-theme="dark"], .dark { ${dark} }`,
    `@media (prefers-color-scheme: dark) { :root:not([data-theme="light"]):not(.light) { ${dark} } }`,
  ].join('\n');
}

const STYLE_ID = 'ml-chart-palette';

/** Put the palette into the page once (renderer only). */
export function ensureChartPalette(doc: Document | undefined = globalThis.document): void {
  if (!doc || doc.getElementById(STYLE_ID)) return;
  const style = doc.createElement('style');
  style.id = STYLE_ID;
  style.textContent = chartPaletteCss();
  doc.head.appendChild(style);
}
