import Link from 'next/link'

/** Where this page sits under Pulse surveys; the last item is the current page. */
export function SurveyBreadcrumbs({ items }: { items: Array<{ href?: string; label: string }> }) {
  const all = [{ href: '/surveys', label: 'Pulse surveys' }, ...items]
  return (
    <nav aria-label="Breadcrumb" className="text-sm text-fg-muted">
      <ol className="flex flex-wrap items-center gap-x-1.5 gap-y-1">
        {all.map((item, i) => (
          <li key={`${item.label}-${i}`} className="flex min-w-0 items-center gap-1.5">
            {i > 0 ? <span aria-hidden="true">/</span> : null}
            {item.href && i < all.length - 1 ? (
              <Link href={item.href} className="rounded-sm hover:text-fg hover:underline">
                {item.label}
              </Link>
            ) : (
              <span aria-current="page" className="max-w-[40ch] truncate text-fg">
                {item.label}
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  )
}
