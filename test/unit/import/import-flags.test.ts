/** The CLI's import flags for the dialect and the header height map onto ImportOptions. */
import { describe, expect, it } from 'vitest';
import { importOptionsFromFlags } from '../../../electron/cli/load';

const flags = (o: Record<string, string>) => importOptionsFromFlags(new Map(Object.entries(o)));

describe('import flags', () => {
  it('--delimiter space|comma-space, --quote, --escape and --header-rows', () => {
    expect(flags({ delimiter: 'space', quote: 'single', escape: 'backslash', 'header-rows': '0' })).toEqual({ delimiter: ' ', quote: "'", escape: 'backslash', headerRows: 0 });
    expect(flags({ delimiter: 'comma-space', quote: 'none' })).toEqual({ delimiter: ', ', quote: '' });
  });

  it('refuses values it cannot read', () => {
    expect(() => flags({ quote: 'curly' })).toThrow('--quote must be double, single or none');
    expect(() => flags({ 'header-rows': '4' })).toThrow('--header-rows must be 0 (no header), 1, 2 or 3');
    expect(() => flags({ delimiter: '::' })).toThrow(/--delimiter must be one character/);
  });
});
