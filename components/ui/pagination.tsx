import Link from 'next/link'
import { cx } from '@/components/ui/cx'

const link = 'font-medium text-accent-text underline underline-offset-2'

/** Previous / "Page n of m" / Next for a list shown a page at a time; nothing when it fits on one. */
export function Pagination({ label, page, pages, href, className }: { label: string; page: number; pages: number; href: (page: number) => string; className?: string }) {
  if (pages <= 1) return null
  return (
    <nav aria-label={label} className={cx('flex flex-wrap items-center gap-4 text-sm', className)}>
      {page > 1 ? <Link href={href(page - 1)} className={link}>Previous page</Link> : null}
      <span className="text-fg-muted">Page {page} of {pages}</span>
      {page < pages ? <Link href={href(page + 1)} className={link}>Next page</Link> : null}
    </nav>
  )
}
