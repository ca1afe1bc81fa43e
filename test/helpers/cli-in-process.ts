/** Run `meshlens` in this process (the CLI's `main` with captured stdout and stderr): fast, for many calls. */
import { main } from '../../electron/cli/index';

export async function cliInProcess(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}
