/**
 * Which paths the renderer may read or write. The renderer cannot name an arbitrary file: a path
 * becomes readable when the user picked it in a dialog, dropped it, opened it from the OS, or a
 * workspace the user opened lists it; a workspace path becomes writable only when the user chose it
 * or it opened cleanly (so a damaged or newer file is never overwritten).
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, isAbsolute, normalize, resolve, sep } from 'node:path';
import type { OpenedFileValue } from '../../shared/ipc/schemas';

/** Data files can be big, but a Node Buffer cannot exceed 2 GiB. */
export const MAX_READ_BYTES = 2 * 1024 * 1024 * 1024 - 1;

function key(path: string): string {
  const n = normalize(resolve(path));
  return process.platform === 'win32' || process.platform === 'darwin' ? n.toLowerCase() : n;
}

export class FileAccess {
  private readonly readable = new Set<string>();
  private readonly writable = new Set<string>();
  private readonly writableDirs: string[] = [];

  grantRead(path: string): void {
    if (isAbsolute(path)) this.readable.add(key(path));
  }

  grantWrite(path: string): void {
    if (!isAbsolute(path)) return;
    this.readable.add(key(path));
    this.writable.add(key(path));
  }

  revokeWrite(path: string): void {
    this.writable.delete(key(path));
  }

  /** Every file under `dir` (the autosave folder) may be read and written. */
  grantDirectory(dir: string): void {
    this.writableDirs.push(key(dir) + sep);
  }

  private inGrantedDir(path: string): boolean {
    const k = key(path);
    return this.writableDirs.some((d) => k.startsWith(d));
  }

  canRead(path: string): boolean {
    return isAbsolute(path) && (this.readable.has(key(path)) || this.inGrantedDir(path));
  }

  canWrite(path: string): boolean {
    return isAbsolute(path) && (this.writable.has(key(path)) || this.inGrantedDir(path));
  }

  /** Read a granted file; errors say what went wrong in plain words. */
  async read(path: string): Promise<OpenedFileValue> {
    if (!this.canRead(path)) {
      throw new Error(`MeshLens may only read files you opened or that your workspace lists; "${basename(path)}" is not one of them.`);
    }
    let size: number;
    try {
      const info = await stat(path);
      if (!info.isFile()) throw new Error(`"${path}" is not a file.`);
      size = info.size;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`The file "${path}" is no longer there. It may have been moved or renamed: relink it.`);
      throw err;
    }
    if (size > MAX_READ_BYTES) throw new Error(`"${basename(path)}" is ${(size / 2 ** 30).toFixed(1)} GB; MeshLens can open files up to 2 GB.`);
    const buffer = await readFile(path);
    return { name: basename(path), path, bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength) };
  }
}
