/** First focusable element on every page: jumps past the header to the page content. */
export function SkipLink({ href = '#main' }: { href?: string }) {
  return (
    <a
      href={href}
      className="sr-only z-50 rounded-md bg-surface px-4 py-2 text-sm font-medium text-fg shadow-lg ring-1 ring-line focus:not-sr-only focus:fixed focus:top-3 focus:left-3"
    >
      Skip to main content
    </a>
  )
}
