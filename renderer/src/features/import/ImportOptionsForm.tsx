/** The importer's decisions, each overridable; a change re-imports at once. "Detected" goes back to auto. */
import { useState } from 'react';
import type { ImportOptions, ImportResult } from '../../../../shared/import/types';
import { setImportOptions } from '../../store';
import { showDelimiter } from './raw-lines';

interface Props {
  datasetId: string;
  options: ImportOptions;
  result: ImportResult | null;
  busy: boolean;
}

const ENCODINGS = ['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252'] as const;
const DELIMITERS = [',', ';', '\t', '|', ', ', ' '] as const;
const QUOTES = [
  ['"', 'Double quotes ("…")'],
  ["'", "Single quotes ('…')"],
  ['none', 'None (quotes are text)'],
] as const;
const HEADER_ROWS = [
  ['0', 'None (first line is data)'],
  ['1', '1 line'],
  ['2', '2 lines joined'],
  ['3', '3 lines joined'],
] as const;
const DATE_ORDERS = [
  ['YMD', 'Year-month-day'],
  ['MDY', 'Month/day/year'],
  ['DMY', 'Day/month/year'],
] as const;

function Choice<T extends string>({
  label,
  value,
  detected,
  choices,
  onChange,
  testId,
  disabled,
}: {
  label: string;
  value: T | undefined;
  detected: string;
  choices: readonly (readonly [T, string])[];
  onChange: (v: T | undefined) => void;
  testId: string;
  disabled: boolean;
}) {
  return (
    <label className="field">
      {label}
      <select
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value === '' ? undefined : (e.target.value as T))}
        data-testid={testId}
        disabled={disabled}
      >
        <option value="">Detected: {detected}</option>
        {choices.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

export function ImportOptionsForm({ datasetId, options, result, busy }: Props) {
  const [headerText, setHeaderText] = useState<string | null>(null);
  const isText = !result || result.delimiter !== null || result.format === 'csv' || result.format === 'tsv';
  const set = (patch: Partial<ImportOptions>) => void setImportOptions(datasetId, patch);

  const commitHeader = () => {
    if (headerText === null) return;
    const n = Number(headerText);
    setHeaderText(null);
    if (headerText.trim() === '') set({ headerLine: undefined, tableIndex: undefined });
    else if (Number.isInteger(n) && n >= 1 && n !== (options.headerLine ?? result?.headerLine)) set({ headerLine: n });
  };

  return (
    <section className="card options-form" aria-labelledby="options-title">
      <h2 id="options-title">How the file was read</h2>
      <div className="options-grid">
        {isText && (
          <>
            <Choice
              label="Encoding"
              value={options.encoding}
              detected={result ? String(result.encoding) : 'auto'}
              choices={ENCODINGS.map((e) => [e, e] as const)}
              onChange={(encoding) => set({ encoding })}
              testId="option-encoding"
              disabled={busy}
            />
            <Choice
              label="Delimiter"
              value={options.delimiter}
              detected={result ? showDelimiter(result.delimiter) : 'auto'}
              choices={DELIMITERS.map((d) => [d, showDelimiter(d)] as const)}
              onChange={(delimiter) => set({ delimiter })}
              testId="option-delimiter"
              disabled={busy}
            />
            <Choice
              label="Quotes"
              value={options.quote === undefined ? undefined : options.quote === '' ? 'none' : options.quote}
              detected={result ? (QUOTES.find(([q]) => q === (result.quote === '' ? 'none' : (result.quote ?? '"')))?.[1] ?? 'auto') : 'auto'}
              choices={QUOTES}
              onChange={(q) => set({ quote: q === undefined ? undefined : q === 'none' ? '' : q })}
              testId="option-quote"
              disabled={busy}
            />
            <Choice
              label="Header lines"
              value={options.headerRows === undefined ? undefined : (String(options.headerRows) as '0' | '1' | '2' | '3')}
              detected={result ? String(result.headerRows ?? 1) : 'auto'}
              choices={HEADER_ROWS}
              onChange={(h) => set({ headerRows: h === undefined ? undefined : Number(h) })}
              testId="option-header-rows"
              disabled={busy}
            />
            <label className="field">
              Header line
              <input
                type="number"
                min={1}
                inputMode="numeric"
                value={headerText ?? String(options.headerLine ?? result?.headerLine ?? '')}
                placeholder="auto"
                onChange={(e) => setHeaderText(e.target.value)}
                onBlur={commitHeader}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') commitHeader();
                }}
                data-testid="option-header-line"
                disabled={busy}
                style={{ width: 110 }}
              />
            </label>
          </>
        )}
        <Choice
          label="Decimal separator"
          value={options.decimalSeparator}
          detected={result ? (result.decimalSeparator === '.' ? 'point (1,234.5)' : 'comma (1.234,5)') : 'auto'}
          choices={[
            ['.', 'Point (1,234.5)'],
            [',', 'Comma (1.234,5)'],
          ]}
          onChange={(decimalSeparator) => set({ decimalSeparator })}
          testId="option-decimal"
          disabled={busy}
        />
        <Choice
          label="Date order"
          value={options.dateOrder}
          detected={result ? (result.dateOrder ?? 'no dates') : 'auto'}
          choices={DATE_ORDERS}
          onChange={(dateOrder) => set({ dateOrder })}
          testId="option-date-order"
          disabled={busy}
        />
        {result?.sheets && result.sheets.length > 1 && (
          <Choice
            label="Sheet"
            value={options.sheet}
            detected={result.sheets[0] ?? ''}
            choices={result.sheets.map((s) => [s, s] as const)}
            onChange={(sheet) => set({ sheet })}
            testId="option-sheet"
            disabled={busy}
          />
        )}
        {result?.entries && result.entries.length > 1 && (
          <Choice
            label="File in the archive"
            value={options.entry}
            detected={result.entries[0] ?? ''}
            choices={result.entries.map((e) => [e, e] as const)}
            onChange={(entry) => set({ entry })}
            testId="option-entry"
            disabled={busy}
          />
        )}
        <label className="field checkbox">
          <span>Summary rows</span>
          <span>
            <input
              type="checkbox"
              checked={options.keepSummaryRows ?? false}
              onChange={(e) => set({ keepSummaryRows: e.target.checked || undefined })}
              disabled={busy}
              data-testid="option-keep-summary"
            />{' '}
            keep them in the table
          </span>
        </label>
      </div>
    </section>
  );
}
