import type { ReactNode } from 'react'

/**
 * A full-page message for 404, 403 and unexpected errors: an h1, a sentence or two and the ways
 * out. `fill` centres it in the viewport (outside the shell); otherwise it sits in the page flow.
 */
export function StatusPage({
  code,
  icon,
  title,
  children,
  actions,
  above,
  fill = true,
}: {
  code?: string
  icon?: ReactNode
  title: string
  children?: ReactNode
  actions?: ReactNode
  /** Shown above the card, e.g. the product's name on pages outside the app shell. */
  above?: ReactNode
  fill?: boolean
}) {
  return (
    <div
      className={
        fill ? 'flex min-h-dvh flex-col items-center justify-center gap-8 px-4 py-16' : 'flex flex-col items-center gap-8 py-10 sm:py-16'
      }
    >
      {above}
      <div className="w-full max-w-md rounded-xl border border-line bg-surface p-6 shadow-sm sm:p-8">
        <div className="flex items-center gap-3">
          {icon ? (
            <span className="flex size-10 items-center justify-center rounded-full bg-surface-muted text-fg-muted">{icon}</span>
          ) : null}
          {code ? <p className="font-mono text-sm font-medium text-fg-muted">Error {code}</p> : null}
        </div>
        <h1 className="mt-5 text-xl font-semibold tracking-tight text-fg">{title}</h1>
        {children ? <div className="mt-2 space-y-3 text-sm leading-relaxed text-fg-muted">{children}</div> : null}
        {actions ? <div className="mt-6 flex flex-wrap items-center gap-3">{actions}</div> : null}
      </div>
    </div>
  )
}
