/**
 * `meshlens`: the headless face of MeshLens. Every command uses the same shared/ code as the app.
 * To add a command: write electron/cli/<name>.ts exporting a `Command`, and list it in COMMANDS.
 */
import { auditCommand } from './audit';
import { contractCommand } from './contract';
import { exportCommand } from './export';
import { inspectCommand } from './inspect';
import type { CliIO, Command } from './types';
import { UsageError } from './types';

const COMMANDS: Command[] = [inspectCommand, exportCommand, auditCommand, contractCommand];

function help(): string {
  const lines = ['meshlens: audit marketing exports offline', '', 'Usage:'];
  for (const c of COMMANDS) lines.push(`  ${c.usage}`, `      ${c.summary}`);
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
    return await command.run(rest, io);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const oneLine = message.split('\n')[0]?.trim() || 'unknown error';
    io.stderr(`meshlens ${name}: ${oneLine}\n`);
    return err instanceof UsageError || (err instanceof Error && err.name === 'ImportError') ? 2 : 2;
  }
}

const defaultIO: CliIO = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
};
