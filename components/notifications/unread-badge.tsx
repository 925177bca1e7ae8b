import Link from 'next/link'

/** The shell's link to /notifications with the unread count. */
export function UnreadBadge({ count }: { count: number }) {
  return (
    <Link href="/notifications" className="relative inline-flex h-8 items-center rounded-md px-2 text-sm text-fg-muted hover:text-fg" aria-label={count ? `Notifications: ${count} unread` : 'Notifications'}>
      <svg aria-hidden="true" viewBox="0 0 24 24" className="size-4" fill="none" stroke="currentColor" strokeWidth="2"><path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" /><path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" /></svg>
      {count ? <span className="ml-1 rounded-full bg-accent px-1.5 text-xs font-semibold text-white">{count > 99 ? '99+' : count}</span> : null}
    </Link>
  )
}
