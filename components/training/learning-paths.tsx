import Link from 'next/link'
import { AUDIENCE_LABELS, KIND_LABELS, type Audience, type TrainingKind } from '@/lib/training/schemas'
import { CheckIcon, CircleIcon } from '@/components/training/icons'

export interface PathView {
  stage: Audience
  title: string
  description: string | null
  items: Array<{ slug: string; title: string; kind: TrainingKind; estimatedMinutes: number; completed: boolean }>
  completed: number
}

/** Each stage's ordered path with the reader's own ticks. Nobody else sees these ticks. */
export function LearningPaths({ paths, editHref }: { paths: PathView[]; editHref?: string }) {
  return (
    <section aria-labelledby="learning-paths" className="space-y-3">
      <div className="flex items-baseline justify-between gap-3">
        <h2 id="learning-paths" className="text-base font-semibold text-fg">
          Learning paths
        </h2>
        {editHref ? (
          <Link href={editHref} className="text-sm text-accent-text underline-offset-2 hover:underline">
            Edit learning paths
          </Link>
        ) : null}
      </div>
      <p className="text-sm text-fg-muted">Your ticks are private: leaders only ever see team percentages.</p>
      {paths.length === 0 ? (
        <p className="rounded-xl border border-dashed border-line-strong/60 bg-surface px-4 py-5 text-sm text-fg-muted">
          No learning paths yet. Experts put them together for each rollout stage.
        </p>
      ) : (
        <div className="space-y-4">
          {paths.map((path) => {
            const total = path.items.length
            const headingId = `path-${path.stage.toLowerCase()}`
            return (
              <section key={path.stage} aria-labelledby={headingId} className="rounded-xl border border-line bg-surface p-4">
                <p className="text-xs font-medium text-accent-text">{AUDIENCE_LABELS[path.stage]}</p>
                <h3 id={headingId} className="mt-0.5 text-sm font-semibold text-fg">
                  {path.title}
                </h3>
                {path.description ? <p className="mt-1 text-sm leading-relaxed text-fg-muted">{path.description}</p> : null}
                {total === 0 ? (
                  <p className="mt-3 text-sm text-fg-muted">No modules in this path yet.</p>
                ) : (
                  <>
                    <div className="mt-3 flex items-center gap-3">
                      <p className="shrink-0 text-sm font-medium text-fg">
                        {path.completed} of {total} completed
                      </p>
                      <div aria-hidden="true" className="h-1.5 flex-1 overflow-hidden rounded-full bg-surface-muted">
                        <div className="h-full rounded-full bg-accent" style={{ width: `${Math.round((100 * path.completed) / total)}%` }} />
                      </div>
                    </div>
                    <ol className="mt-3 space-y-1.5">
                      {path.items.map((item) => (
                        <li key={item.slug} className="flex items-start gap-2.5 text-sm">
                          <span
                            className={
                              item.completed
                                ? 'mt-0.5 flex size-5 shrink-0 items-center justify-center rounded-full bg-(--done-soft) text-(--done-fg)'
                                : 'mt-0.5 flex size-5 shrink-0 items-center justify-center rounded-full text-line-strong'
                            }
                          >
                            {item.completed ? <CheckIcon className="size-3.5" /> : <CircleIcon className="size-4" />}
                          </span>
                          <span className="min-w-0">
                            <span className="sr-only">{item.completed ? 'Completed: ' : 'Not completed: '}</span>
                            <Link href={`/training/${item.slug}`} className="text-fg hover:text-accent-text hover:underline">
                              {item.title}
                            </Link>
                            <span className="block text-xs text-fg-muted">
                              {KIND_LABELS[item.kind]} · {item.estimatedMinutes} min
                            </span>
                          </span>
                        </li>
                      ))}
                    </ol>
                  </>
                )}
              </section>
            )
          })}
        </div>
      )}
    </section>
  )
}
