/**
 * `meshlens`: the headless face of MeshLens. Every command uses the same shared/ code as the app.
 * To add a command: write electron/cli/<name>.ts exporting a `Command`, and list it in COMMANDS.
 */
import { auditCommand } from './audit';
import { contractCommand } from './contract';
import { exportCommand } from './export';
import { inspectCommand } from './inspect';
import { ENGINES, setEngineChoice } from './load';
import { reconcileCommand } from './reconcile';
import type { EngineChoice } from './load';
import type { CliIO, Command } from './types';
import { UsageError } from './types';

const COMMANDS: Command[] = [inspectCommand, exportCommand, auditCommand, contractCommand, reconcileCommand];

function help(): string {
  const lines = ['meshlens: audit marketing exports offline', '', 'Usage:'];
  for (const c of COMMANDS) lines.push(`  ${c.usage}`, `      ${c.summary}`);
  lines.push('', 'Every command takes --engine native|wasm: native DuckDB (the default) or duckdb-wasm (the app\'s engine).');
  lines.push('', 'Exit codes: 0 ok, 1 error-level findings (audit), 2 usage or unreadable input.');
  return lines.join('\n') + '\n';
}

export async function main(argv: string[], io: CliIO = defaultIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(help());
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr(`meshlens: unknown command '${name}'. Run 'meshlens --help' for the list.\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`Usage: ${command.usage}\n${command.summary}\n`);
    return 0;
  }
  try {
    const args = takeEngineOption(rest);
    return await command.run(args, io);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const oneLine = message.split('\n')[0]?.trim() || 'unknown error';
    io.stderr(`meshlens ${name}: ${oneLine}\n`);
    return err instanceof UsageError || (err instanceof Error && err.name === 'ImportError') ? 2 : 2;
  }
}

/** `--engine native|wasm` (or `--engine=wasm`) anywhere after the command: chosen once for every command. */
function takeEngineOption(args: string[]): string[] {
  const out: string[] = [];
  let choice: EngineChoice = 'native';
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      out.push(...args.slice(i));
      break;
    }
    if (a === '--engine' || a.startsWith('--engine=')) {
      const v = a === '--engine' ? args[++i] : a.slice('--engine='.length);
      if (!ENGINES.includes(v as EngineChoice)) throw new UsageError(`--engine must be ${ENGINES.join(' or ')}`);
      choice = v as EngineChoice;
    } else out.push(a);
  }
  setEngineChoice(choice);
  return out;
}

const defaultIO: CliIO = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  stderrIsTTY: process.stderr.isTTY === true,
};
