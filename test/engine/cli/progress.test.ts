/**
 * The CLI's progress bar: drawn on stderr only when stderr is a terminal and the output is for people;
 * nothing when piped or with --json. Runs the real commands in-process with a fake terminal.
 */
import { describe, expect, it, vi } from 'vitest';
import { main } from '../../../electron/cli/index';
import { CliProgress } from '../../../electron/cli/progress';
import { fixture, tempDir } from '../import/helpers';
import path from 'node:path';

vi.setConfig({ testTimeout: 120_000 });

function fakeIO(tty: boolean) {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (t: string) => void out.push(t), stderr: (t: string) => void err.push(t), stderrIsTTY: tty }, out, err };
}

// eslint-disable-next-line no-control-regex -- the bar starts with an ANSI erase-line sequence
const BAR = /\r\x1b\[2K[█░]{24}\s+\d+% /;

describe('CliProgress', () => {
  it('draws a bar that only moves forward, at most every 100 ms, and erases itself', () => {
    const lines: string[] = [];
    let t = 0;
    const bar = new CliProgress((s) => lines.push(s), true, () => t);
    const hook = bar.part('ads.csv', 0, 0.5);
    hook({ stage: 'Reading rows', fraction: 0.5 });
    t += 50;
    hook({ stage: 'Reading values', fraction: 0.8 }); // too soon: skipped
    t += 100;
    bar.part('ads.csv', 0.5, 1)({ stage: 'checks', fraction: 0 });
    bar.done();
    expect(lines).toEqual([`\r\x1b[2K${'█'.repeat(6)}${'░'.repeat(18)}  25% ads.csv: Reading rows`, `\r\x1b[2K${'█'.repeat(12)}${'░'.repeat(12)}  50% ads.csv: checks`, '\r\x1b[2K']);
  });

  it('draws nothing when disabled', () => {
    const lines: string[] = [];
    const bar = new CliProgress((s) => lines.push(s), false);
    bar.part('x', 0, 1)({ stage: 'a', fraction: 1 });
    bar.done();
    expect(lines).toEqual([]);
  });
});

describe('progress in the commands', () => {
  const file = fixture('google-ads-comma-quoted-numbers-bounded-percent.csv');

  it('audit on a terminal shows the bar on stderr and erases it; the report on stdout has none of it', async () => {
    const { io, out, err } = fakeIO(true);
    expect(await main(['audit', file, '--no-fail', '--reference-date', '2026-01-25'], io)).toBe(0);
    expect(err.some((e) => BAR.test(e))).toBe(true);
    expect(err[err.length - 1]).toBe('\r\x1b[2K');
    expect(out.join('')).not.toMatch(/[█░]/);
  });

  it('nothing with --json, nothing when stderr is not a terminal', async () => {
    const json = fakeIO(true);
    expect(await main(['audit', file, '--json', '--no-fail', '--reference-date', '2026-01-25'], json.io)).toBe(0);
    expect(json.err).toEqual([]);
    const piped = fakeIO(false);
    expect(await main(['inspect', file], piped.io)).toBe(0);
    expect(piped.err).toEqual([]);
  });

  it('inspect and export on a terminal show it too', async () => {
    const inspect = fakeIO(true);
    expect(await main(['inspect', file], inspect.io)).toBe(0);
    expect(inspect.err.some((e) => BAR.test(e))).toBe(true);
    const exp = fakeIO(true);
    expect(await main(['export', file, '--out', path.join(tempDir(), 'out.csv')], exp.io)).toBe(0);
    expect(exp.err.some((e) => BAR.test(e))).toBe(true);
    expect(exp.err[exp.err.length - 1]).toMatch(/^wrote \d+ row\(s\) to /);
  });
});
