/**
 * PDF export of whatever the window shows (the renderer switches to its printable report view
 * first and styles it with `@media print`).
 */
import type { WebContents } from 'electron';
import { atomicWriteFile } from './atomic-write';

export async function printToPdfFile(contents: Pick<WebContents, 'printToPDF'>, path: string, landscape = false): Promise<string> {
  const data = await contents.printToPDF({
    printBackground: true,
    pageSize: 'A4',
    landscape,
    margins: { top: 0.4, bottom: 0.4, left: 0.4, right: 0.4 },
    generateDocumentOutline: true,
  });
  await atomicWriteFile(path, data);
  return path;
}
