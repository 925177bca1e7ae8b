import type { ReactNode } from 'react'

/** The title block at the top of a page: one h1 and a short description. */
export function PageHeader({ title, description, icon }: { title: ReactNode; description?: ReactNode; icon?: ReactNode }) {
  return (
    <header className="flex items-start gap-4 border-b border-line pb-6">
      {icon ? (
        <span className="mt-0.5 hidden size-10 shrink-0 items-center justify-center rounded-lg border border-line bg-surface text-accent-text sm:flex">
          {icon}
        </span>
      ) : null}
      <div className="min-w-0">
        <h1 className="text-2xl font-semibold tracking-tight text-fg">{title}</h1>
        {description ? <p className="mt-1.5 max-w-2xl text-[0.9375rem] leading-relaxed text-fg-muted">{description}</p> : null}
      </div>
    </header>
  )
}
