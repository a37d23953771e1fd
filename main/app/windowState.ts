/** Remembers where the window was and how big, and puts it back only where a screen still shows it. */
import { z } from 'zod';

export const WindowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(400).max(20000),
  height: z.number().int().min(300).max(20000),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof WindowStateSchema>;
export type Rect = { x: number; y: number; width: number; height: number };

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 820, maximized: false };

/** A stored state that validates, with its position dropped when no display shows its title bar. */
export function restoreWindowState(stored: unknown, displays: Rect[]): WindowState {
  const parsed = WindowStateSchema.safeParse(stored);
  if (!parsed.success) return DEFAULT_WINDOW_STATE;
  const s = parsed.data;
  if (s.x === undefined || s.y === undefined) return { width: s.width, height: s.height, maximized: s.maximized };
  const titleBar = { x: s.x, y: s.y, width: Math.min(s.width, 200), height: 40 };
  const visible = displays.some((d) =>
    titleBar.x < d.x + d.width && titleBar.x + titleBar.width > d.x && titleBar.y >= d.y && titleBar.y < d.y + d.height);
  return visible ? s : { width: s.width, height: s.height, maximized: s.maximized };
}
