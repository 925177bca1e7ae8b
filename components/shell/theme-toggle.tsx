'use client'

import { useId, useState } from 'react'
import { MonitorIcon, MoonIcon, SunIcon } from '@/components/ui/icons'
import { cx } from '@/components/ui/cx'
import { THEME_COOKIE, THEME_COOKIE_MAX_AGE, THEMES, type Theme } from '@/components/shell/theme'

const OPTIONS: { value: Theme; label: string; Icon: typeof SunIcon }[] = [
  { value: 'light', label: 'Light', Icon: SunIcon },
  { value: 'dark', label: 'Dark', Icon: MoonIcon },
  { value: 'system', label: 'System', Icon: MonitorIcon },
]

/**
 * Light / dark / follow the system. A radio group (arrow keys move between the options). The choice
 * goes into the `theme` cookie for the next server render and onto <html> right away.
 */
export function ThemeToggle({ initial, className }: { initial: Theme; className?: string }) {
  const [theme, setTheme] = useState<Theme>(initial)
  const name = useId()

  function choose(next: Theme) {
    setTheme(next)
    document.cookie = `${THEME_COOKIE}=${next}; Path=/; Max-Age=${THEME_COOKIE_MAX_AGE}; SameSite=Lax`
    const root = document.documentElement
    root.classList.remove(...THEMES)
    root.classList.add(next)
  }

  return (
    <fieldset className={cx('flex items-center rounded-lg border border-line bg-surface-muted p-0.5', className)}>
      <legend className="sr-only">Theme</legend>
      {OPTIONS.map(({ value, label, Icon }) => (
        <label
          key={value}
          title={label}
          className={cx(
            'relative flex size-7 cursor-pointer items-center justify-center rounded-md transition-colors',
            'has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-1 has-[:focus-visible]:outline-focus',
            theme === value ? 'bg-surface text-fg shadow-xs ring-1 ring-line' : 'text-fg-muted hover:text-fg',
          )}
        >
          <input
            type="radio"
            name={name}
            value={value}
            checked={theme === value}
            onChange={() => choose(value)}
            // Covers the whole option, invisible: clicks and taps land on the radio itself.
            className="absolute inset-0 m-0 cursor-pointer appearance-none rounded-md opacity-0"
          />
          <Icon className="pointer-events-none size-4" />
          <span className="sr-only">{label}</span>
        </label>
      ))}
    </fieldset>
  )
}
