/** A CLI sub-command. Each lives in its own file and is listed once in electron/cli/index.ts. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True when stderr is a terminal (a progress bar may be drawn there). */
  stderrIsTTY?: boolean;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Returns the process exit code: 0 ok, 1 error-level findings (audit), 2 usage or input errors. */
  run(args: string[], io: CliIO): Promise<number>;
}

/** A usage or input problem: the CLI prints its message as one line on stderr and exits 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
