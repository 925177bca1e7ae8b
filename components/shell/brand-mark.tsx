import { cx } from '@/components/ui/cx'

/**
 * Paceline's mark: three riders drafting in a line, the front one in full colour (public/favicon.svg
 * is the same drawing with fixed colours). Decorative; the wordmark next to it carries the name.
 */
export function BrandMark({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" aria-hidden="true" focusable="false" className={cx('shrink-0', className ?? 'size-7')}>
      <rect width="32" height="32" rx="8" className="fill-accent" />
      <g fill="none" strokeWidth="2.6" strokeLinecap="round" strokeLinejoin="round" className="stroke-accent-fg">
        <path d="M7.5 10.5 12.5 16l-5 5.5" opacity=".45" />
        <path d="M13.5 10.5 18.5 16l-5 5.5" opacity=".72" />
        <path d="M19.5 10.5 24.5 16l-5 5.5" />
      </g>
    </svg>
  )
}

export function Wordmark({ className }: { className?: string }) {
  return (
    <span className={cx('inline-flex items-center gap-2.5', className)}>
      <BrandMark />
      <span className="text-[0.9375rem] font-semibold tracking-tight text-fg">Paceline</span>
    </span>
  )
}
