// The theme preference, kept in the `theme` cookie so the server can render the right class on
// <html> (no flash, no inline script). Client-safe: no server imports.

export const THEMES = ['light', 'dark', 'system'] as const
export type Theme = (typeof THEMES)[number]

export const THEME_COOKIE = 'theme'
export const THEME_COOKIE_MAX_AGE = 60 * 60 * 24 * 365

export function parseTheme(value: string | undefined | null): Theme {
  return (THEMES as readonly string[]).includes(value ?? '') ? (value as Theme) : 'system'
}
