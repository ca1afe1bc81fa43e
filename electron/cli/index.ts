/**
 * `meshlens`: the headless face of MeshLens. Every command uses the same shared/ code as the app.
 * To add a command: write electron/cli/<name>.ts exporting a `Command`, and list its loader in COMMANDS.
 * A command's module is loaded only when it runs (or for --help), so `--version` starts without DuckDB.
 */
import type { CliIO, Command } from './types';
import { UsageError } from './types';
import { cliVersion } from './version';

const COMMANDS: Record<string, () => Promise<Command>> = {
  inspect: async () => (await import('./inspect')).inspectCommand,
  export: async () => (await import('./export')).exportCommand,
  audit: async () => (await import('./audit')).auditCommand,
  contract: async () => (await import('./contract')).contractCommand,
  reconcile: async () => (await import('./reconcile')).reconcileCommand,
};

async function help(): Promise<string> {
  const lines = [`meshlens ${cliVersion()}: audit marketing exports offline`, '', 'Usage:'];
  for (const load of Object.values(COMMANDS)) {
    const c = await load();
    lines.push(`  ${c.usage}`, `      ${c.summary}`);
  }
  lines.push(
    '',
    "Every command takes --engine native|wasm: native DuckDB (the default) or duckdb-wasm (the app's engine).",
    'Files may be gzip-compressed (.gz) or in a .zip archive (--entry picks the file inside).',
    '',
    'Exit codes: 0 ok, 1 error-level findings (audit), 2 usage or unreadable input (with many files: any of them).',
  );
  return lines.join('\n') + '\n';
}

export async function main(argv: string[], io: CliIO = defaultIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-V') {
    io.stdout(`${cliVersion()}\n`);
    return 0;
  }
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(await help());
    return name ? 0 : 2;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!load) {
    io.stderr(`meshlens: unknown command '${name}'. Run 'meshlens --help' for the list.\n`);
    return 2;
  }
  try {
    const command = await load();
    if (rest.includes('--help') || rest.includes('-h')) {
      io.stdout(`Usage: ${command.usage}\n${command.summary}\n`);
      return 0;
    }
    const args = await takeEngineOption(rest);
    return await command.run(args, io);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const oneLine = message.split('\n')[0]?.trim() || 'unknown error';
    io.stderr(`meshlens ${name}: ${oneLine}\n`);
    return 2;
  }
}

/** `--engine native|wasm` (or `--engine=wasm`) anywhere after the command: chosen once for every command. */
async function takeEngineOption(args: string[]): Promise<string[]> {
  const { ENGINES, setEngineChoice } = await import('./load');
  type EngineChoice = (typeof ENGINES)[number];
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
