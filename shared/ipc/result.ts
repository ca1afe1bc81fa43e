/** What every IPC handler returns: a value, or an error message written for the user. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: string };

export function ok<T>(value: T): IpcResult<T> {
  return { ok: true, value };
}

export function fail<T = never>(error: string): IpcResult<T> {
  return { ok: false, error };
}
