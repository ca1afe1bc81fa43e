/**
 * The main window's size and position, remembered across runs in userData/window-state.json.
 * A saved position that no longer falls on any screen (a monitor was unplugged) is dropped.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { atomicWriteFile } from './atomic-write';

export const windowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(400).max(20000),
  height: z.number().int().min(300).max(20000),
  maximized: z.boolean().default(false),
});
export type WindowState = z.infer<typeof windowStateSchema>;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1360, height: 880, maximized: false };

/** Keep the saved position only if at least 100×50 px of the title area lands on a screen. */
export function fitToDisplays(state: WindowState, workAreas: Rect[]): WindowState {
  if (state.x === undefined || state.y === undefined) return state;
  const { x, y } = state;
  const visible = workAreas.some((a) => {
    const w = Math.min(x + state.width, a.x + a.width) - Math.max(x, a.x);
    const h = Math.min(y + 50, a.y + a.height) - Math.max(y, a.y);
    return w >= 100 && h >= 50;
  });
  if (visible) return state;
  const { x: _x, y: _y, ...rest } = state;
  return rest;
}

export async function loadWindowState(file: string, workAreas: Rect[]): Promise<WindowState> {
  try {
    const parsed = windowStateSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
    return parsed.success ? fitToDisplays(parsed.data, workAreas) : DEFAULT_WINDOW_STATE;
  } catch {
    return DEFAULT_WINDOW_STATE;
  }
}

export async function saveWindowState(file: string, bounds: Rect, maximized: boolean): Promise<void> {
  const state = windowStateSchema.parse({ ...bounds, maximized });
  await atomicWriteFile(file, JSON.stringify(state) + '\n');
}
