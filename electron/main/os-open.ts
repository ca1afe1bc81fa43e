/**
 * Files the OS hands us: the command line, a second launch (second-instance), macOS 'open-file'.
 * Paths arriving before the renderer is ready wait in a queue the renderer takes once it starts.
 */
import { statSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';

/** Existing files named on a command line. Skips the executable (and the app folder when unpackaged) and switches. */
export function pathsFromArgv(argv: readonly string[], cwd: string, packaged: boolean): string[] {
  const args = argv.slice(packaged ? 1 : 2);
  const out: string[] = [];
  let afterDashes = false;
  for (const arg of args) {
    if (!afterDashes && arg === '--') {
      afterDashes = true;
      continue;
    }
    if (!afterDashes && arg.startsWith('-')) continue;
    const full = isAbsolute(arg) ? arg : resolve(cwd, arg);
    try {
      if (statSync(full).isFile()) out.push(full);
    } catch {
      // Not a file: ignore (Chromium and the OS add their own arguments).
    }
  }
  return out;
}

export class OpenQueue {
  private pending: string[] = [];
  private deliver: ((paths: string[]) => void) | null = null;

  /** Called when the renderer asks for pending opens: from then on, paths are delivered at once. */
  take(deliver: (paths: string[]) => void): string[] {
    this.deliver = deliver;
    const out = this.pending;
    this.pending = [];
    return out;
  }

  /** The window was closed or reloaded: queue again until the renderer asks. */
  reset(): void {
    this.deliver = null;
  }

  push(paths: string[]): void {
    if (paths.length === 0) return;
    if (this.deliver) this.deliver(paths);
    else this.pending.push(...paths.filter((p) => !this.pending.includes(p)));
  }
}
