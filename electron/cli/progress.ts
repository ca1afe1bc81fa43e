/**
 * A progress bar for long CLI runs, on stderr, only when stderr is a terminal and the output is not
 * machine-readable (--json/--junit): piped or scripted runs see nothing. One line, redrawn at most ten
 * times a second, erased when the work is done so the report starts on a clean line.
 */
import type { Progress, ProgressFn } from '../../shared/engine/types';

const WIDTH = 24;

export class CliProgress {
  private last = 0;
  private shown = false;
  private fraction = 0;

  constructor(
    private readonly write: (text: string) => void,
    readonly enabled: boolean,
    private readonly now: () => number = Date.now,
  ) {}

  /** A progress hook for one part of the run, mapped onto [from, to] of the whole bar. */
  part(label: string, from: number, to: number): ProgressFn {
    return (p: Progress) => this.draw(from + (to - from) * Math.min(1, Math.max(0, p.fraction ?? 0)), `${label}: ${p.detail && p.detail !== label ? `${p.stage} (${p.detail})` : p.stage}`);
  }

  private draw(fraction: number, text: string): void {
    if (!this.enabled) return;
    this.fraction = Math.max(this.fraction, fraction);
    const t = this.now();
    if (this.shown && t - this.last < 100) return;
    this.last = t;
    this.shown = true;
    const filled = Math.round(this.fraction * WIDTH);
    const bar = '█'.repeat(filled) + '░'.repeat(WIDTH - filled);
    const pct = `${Math.floor(this.fraction * 100)}`.padStart(3);
    this.write(`\r\x1b[2K${bar} ${pct}% ${text.slice(0, 60)}`);
  }

  /** Erase the bar. */
  done(): void {
    if (this.shown) this.write('\r\x1b[2K');
    this.shown = false;
  }
}

/** On when stderr is a terminal and no machine-readable format was asked for. */
export function progressFor(io: { stderr: (t: string) => void; stderrIsTTY?: boolean }, machineReadable: boolean): CliProgress {
  return new CliProgress(io.stderr, !!io.stderrIsTTY && !machineReadable && process.env.MESHLENS_NO_PROGRESS !== '1');
}
