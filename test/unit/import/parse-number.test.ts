/**
 * parseNumber answers the common shapes ("538", "1,483.48", "4.47%") without its full set of pattern tests;
 * that shortcut must give exactly what the full parse gives, for those shapes and everything near them.
 */
import { describe, expect, it } from 'vitest';
import { parseNumber, parseNumberFully } from '../../../shared/import/values';

const CELLS = [
  '0', '7', '538', '007', '0.5', '2.81', '2.810', '12,023', '1,483.48', '1,000,000', '1,234,567.891', '4.47%', '100%', '0%', '12,345.6%',
  '1,23', '12,3456', '1234,567', ',123', '1,,234', '.5', '5.', '1.2.3', '1e5', '1.5E-3', '-5', '+5', ' 5', '5 ', '1 234', "1'234", '(12.50)',
  '$12.00', '12.00 EUR', '<10', '≥ 5', '%', '5%%', '--', 'abc', '', '123456789012345678901', '9'.repeat(400), '0,000', '0001,000', '1,000.', '1,000.00%',
];

describe('parseNumber shortcut', () => {
  it.each(['.', ','] as const)('gives what the full parse gives for every cell (decimal separator "%s")', (dec) => {
    for (const cell of CELLS) expect({ cell, n: parseNumber(cell, dec) }).toEqual({ cell, n: parseNumberFully(cell, dec) });
  });

  it('reads the common shapes', () => {
    expect(parseNumber('1,483.48', '.')).toMatchObject({ value: 1483.48, grouped: true, integer: false, digits: 4 });
    expect(parseNumber('4.47%', '.')).toMatchObject({ value: 4.47, percent: true });
    expect(parseNumber('007', '.')).toMatchObject({ value: 7, leadingZero: true, integer: true });
  });
});
