/**
 * A small line logger for the main process: console plus an optional file in the app's data folder.
 * Security refusals (blocked URLs, foreign IPC senders, bad payloads) always go through here.
 */
import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';

export type LogLevel = 'info' | 'warn' | 'error';
export type Logger = (level: LogLevel, message: string) => void;

export function createLogger(file?: string): Logger {
  let ready: Promise<unknown> | null = file ? mkdir(dirname(file), { recursive: true }).catch(() => undefined) : null;
  return (level, message) => {
    const line = `${new Date().toISOString()} ${level.toUpperCase()} ${message}`;
    if (level === 'error') console.error(line);
    else if (level === 'warn') console.warn(line);
    else console.log(line);
    if (file && ready) {
      ready = ready.then(() => appendFile(file, line + '\n')).catch(() => undefined);
    }
  };
}
