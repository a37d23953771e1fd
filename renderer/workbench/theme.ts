/** Light and dark themes: the setting ('system' follows the OS) resolved to the palette in use. */
import { useEffect, useState } from 'react';
import { type Settings } from '../../shared/ipc/contract';

export type ThemeName = 'light' | 'dark';
const DARK_QUERY = '(prefers-color-scheme: dark)';

export const resolveTheme = (setting: Settings['theme'], osDark: boolean): ThemeName =>
  setting === 'system' ? (osDark ? 'dark' : 'light') : setting;

/** What "Toggle Theme" switches to: the opposite of what is on screen now, as an explicit choice. */
export const toggledTheme = (setting: Settings['theme'], osDark: boolean): ThemeName =>
  resolveTheme(setting, osDark) === 'dark' ? 'light' : 'dark';

export const osPrefersDark = (): boolean => typeof matchMedia === 'function' && matchMedia(DARK_QUERY).matches;

/** Applies the theme to the document root (the CSS custom properties key off data-theme) and follows OS changes. */
export function useAppliedTheme(setting: Settings['theme']): ThemeName {
  const [osDark, setOsDark] = useState(osPrefersDark);
  useEffect(() => {
    if (typeof matchMedia !== 'function') return;
    const mq = matchMedia(DARK_QUERY);
    const onChange = () => setOsDark(mq.matches);
    mq.addEventListener('change', onChange);
    return () => mq.removeEventListener('change', onChange);
  }, []);
  const theme = resolveTheme(setting, osDark);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.colorScheme = theme;
  }, [theme]);
  return theme;
}
