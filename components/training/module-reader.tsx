import Link from 'next/link'
import type { ModuleVersionView } from '@/lib/training/queries'
import { STALE_AFTER_DAYS } from '@/lib/training/rules'
import { AUDIENCE_LABELS, KIND_LABELS } from '@/lib/training/schemas'
import { buttonClasses } from '@/components/ui/button'
import { AlertIcon } from '@/components/ui/icons'
import { cx } from '@/components/ui/cx'
import { Badge } from '@/components/training/badges'
import { Breadcrumbs } from '@/components/ui/breadcrumbs'
import { formatDate, MODEL_STATUS_LABELS } from '@/components/training/format'
import { HistoryIcon, PencilIcon } from '@/components/training/icons'
import { ModuleBody } from '@/components/training/module-body'
import { CompletionToggle, FlagForm, RatingForm } from '@/components/training/reader-forms'

// The reader's view of one published version: what it is, whether it can be trusted (last
// reviewed, owner, validated model versions, a banner when stale or retired), the body, the
// version history, and, on the latest version, completion, rating and flagging.

function Banner({ tone, label, children }: { tone: 'warn' | 'danger' | 'info'; label: string; children: React.ReactNode }) {
  return (
    <aside
      role="note"
      aria-label={label}
      className={cx(
        'flex gap-3 rounded-xl border px-4 py-3 text-sm leading-relaxed',
        tone === 'warn' && 'border-(--warn-line) bg-(--warn-soft) text-(--warn-fg)',
        tone === 'danger' && 'border-danger-line bg-danger-soft text-danger',
        tone === 'info' && 'border-line bg-accent-soft text-fg',
      )}
    >
      <AlertIcon className="mt-0.5 size-4 shrink-0" />
      <div className="min-w-0 space-y-1">{children}</div>
    </aside>
  )
}

function modelPhrase(m: ModuleVersionView['validatedOn'][number]): string {
  return `${m.label} (${m.snapshot}) which is ${m.status === 'RETIRED' ? 'retired' : 'being replaced'}`
}

function StaleBanner({ module }: { module: ModuleVersionView }) {
  const notReviewed = module.stale.includes('not-reviewed')
  const outdatedModels = module.validatedOn.filter((m) => m.status === 'RETIRED' || m.beingReplaced)
  const modelReason = module.stale.some((r) => r === 'model-retired' || r === 'model-being-replaced') && outdatedModels.length > 0
  if (!notReviewed && !modelReason) return null
  const models = `${outdatedModels.map(modelPhrase).join(' and ')}; being re-checked.`
  return (
    <Banner tone="warn" label="Needs review">
      {notReviewed ? (
        <p>
          <strong className="font-semibold">Needs review:</strong> not reviewed for over {STALE_AFTER_DAYS} days
          {module.lastReviewedAt ? <> (last reviewed {formatDate(module.lastReviewedAt)})</> : <> (never reviewed)</>}.
        </p>
      ) : null}
      {modelReason ? (
        notReviewed ? (
          <p>Validated on {models}</p>
        ) : (
          <p>
            <strong className="font-semibold">Needs review:</strong> validated on {models}
          </p>
        )
      ) : null}
      <p className="text-fg-muted">Still the latest version: check the details against the tools you use today.</p>
    </Banner>
  )
}

function Facts({ module }: { module: ModuleVersionView }) {
  const term = 'text-xs font-medium text-fg-muted'
  const value = 'mt-0.5 text-sm text-fg'
  return (
    <dl className="grid grid-cols-2 gap-x-6 gap-y-4 rounded-xl border border-line bg-surface p-4 lg:grid-cols-4">
      <div>
        <dt className={term}>Owner</dt>
        <dd className={value}>{module.owner.name}</dd>
      </div>
      <div>
        <dt className={term}>Last reviewed</dt>
        <dd className={value}>{module.lastReviewedAt ? formatDate(module.lastReviewedAt) : 'Never'}</dd>
      </div>
      <div>
        <dt className={term}>Time</dt>
        <dd className={value}>About {module.estimatedMinutes} minutes</dd>
      </div>
      <div>
        <dt className={term}>For</dt>
        <dd className={value}>{AUDIENCE_LABELS[module.audience]}</dd>
      </div>
      <div className="col-span-2">
        <dt className={term}>Validated with</dt>
        <dd className={value}>
          {module.validatedOn.length === 0 ? (
            <span className="text-fg-muted">No model version recorded</span>
          ) : (
            <ul className="space-y-1">
              {module.validatedOn.map((m) => (
                <li key={m.snapshot} className="flex flex-wrap items-center gap-x-2 gap-y-1">
                  <span>{m.label}</span>
                  <code className="rounded bg-surface-muted px-1.5 py-0.5 font-mono text-xs">{m.snapshot}</code>
                  <Badge tone={m.status === 'RETIRED' ? 'danger' : m.beingReplaced ? 'warn' : 'neutral'}>
                    {MODEL_STATUS_LABELS[m.status] ?? m.status}
                    {m.beingReplaced && m.status !== 'RETIRED' ? ', being replaced' : ''}
                  </Badge>
                </li>
              ))}
            </ul>
          )}
        </dd>
      </div>
      <div className="col-span-2">
        <dt className={term}>Tags</dt>
        <dd className={value}>
          {module.tags.length === 0 ? (
            <span className="text-fg-muted">None</span>
          ) : (
            <ul className="flex flex-wrap gap-1.5">
              {module.tags.map((tag) => (
                <li key={tag}>
                  <Link
                    href={`/training?tag=${encodeURIComponent(tag)}`}
                    className="tag-link"
                  >
                    <span className="sr-only">Show modules tagged </span>
                    {tag}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </dd>
      </div>
    </dl>
  )
}

function Panel({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id} className="rounded-xl border border-line bg-surface p-4">
      <h2 id={id} className="mb-3 text-sm font-semibold text-fg">
        {title}
      </h2>
      {children}
    </section>
  )
}

function VersionHistory({ module }: { module: ModuleVersionView }) {
  return (
    <Panel id="versions" title="Version history">
      <ol className="space-y-3">
        {module.versions.map((v) => {
          const reading = v.number === module.version
          return (
            <li key={v.number} className="text-sm">
              <div className="flex flex-wrap items-baseline gap-x-2">
                {reading ? (
                  <span className="font-semibold text-fg" aria-current="page">
                    Version {v.number}
                  </span>
                ) : (
                  <Link href={`/training/${module.slug}/versions/${v.number}`} className="font-medium text-accent-text hover:underline">
                    Version {v.number}
                  </Link>
                )}
                {reading ? <span className="text-xs text-fg-muted">(reading)</span> : null}
                {v.number === module.latestVersion ? <Badge tone="accent">Latest</Badge> : null}
              </div>
              <p className="mt-0.5 text-fg">{v.changelog}</p>
              <p className="text-xs text-fg-muted">
                {formatDate(v.publishedAt)} · {v.publishedBy}
              </p>
              {v.number > 1 ? (
                <Link
                  href={`/training/${module.slug}/diff?from=${v.number - 1}&to=${v.number}`}
                  className="mt-0.5 inline-block text-xs text-accent-text underline-offset-2 hover:underline"
                >
                  Compare with v{v.number - 1}
                </Link>
              ) : null}
            </li>
          )
        })}
      </ol>
    </Panel>
  )
}

export function ModuleReader({ module, canAuthor }: { module: ModuleVersionView; canAuthor: boolean }) {
  const latest = module.isLatest
  return (
    <div className="space-y-6">
      <Breadcrumbs
        items={
          latest
            ? [{ href: '/training', label: 'Training' }, { label: module.title }]
            : [{ href: '/training', label: 'Training' }, { href: `/training/${module.slug}`, label: module.title }, { label: `Version ${module.version}` }]
        }
      />

      {!latest ? (
        <Banner tone="info" label="Older version">
          <p>
            You are reading version {module.version}. The latest is version {module.latestVersion}.{' '}
            <Link href={`/training/${module.slug}`} className="font-medium text-accent-text underline underline-offset-2">
              Read the latest version
            </Link>
          </p>
        </Banner>
      ) : null}
      {module.retired ? (
        <Banner tone="danger" label="Retired">
          <p>
            <strong className="font-semibold">Retired:</strong> this module is no longer maintained. It stays readable, but search no longer lists it.
          </p>
        </Banner>
      ) : latest ? (
        <StaleBanner module={module} />
      ) : null}

      <header className="space-y-3">
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div className="min-w-0 max-w-3xl">
            <p className="text-sm font-medium text-accent-text">{KIND_LABELS[module.kind]}</p>
            <h1 className="mt-1 text-2xl font-semibold tracking-tight text-fg sm:text-3xl">{module.title}</h1>
          </div>
          {canAuthor ? (
            <Link href={`/training/${module.slug}/edit`} className={buttonClasses({ variant: 'secondary', size: 'sm' })}>
              <PencilIcon className="size-4" />
              Edit draft
            </Link>
          ) : null}
        </div>
        <p className="max-w-3xl text-[0.9375rem] leading-relaxed text-fg-muted">{module.summary}</p>
        <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-fg-muted">
          <HistoryIcon className="size-4" />
          <span className="font-medium text-fg">Version {module.version}</span>
          <span>
            published {formatDate(module.publishedAt)} by {module.publishedBy}
          </span>
          {module.changelog ? (
            <>
              <span aria-hidden="true">·</span>
              <span>“{module.changelog}”</span>
            </>
          ) : null}
        </p>
      </header>

      <Facts module={module} />

      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <article aria-label={module.title} className="min-w-0 self-start rounded-xl border border-line bg-surface px-5 py-6 sm:px-8 sm:py-8">
          <ModuleBody html={module.html} />
        </article>

        <div className="space-y-4">
          {latest ? (
            <>
              <Panel id="progress" title="Your progress">
                <CompletionToggle slug={module.slug} completed={module.completed} />
              </Panel>
              <Panel id="rating" title="Was this helpful?">
                <RatingForm slug={module.slug} mine={module.myRating} />
              </Panel>
              {module.ratings ? (
                <Panel id="ratings" title="What readers said">
                  <p className="text-sm text-fg">
                    {module.ratings.helpful} found it helpful, {module.ratings.notHelpful} did not
                  </p>
                  {module.ratings.comments.length ? (
                    <ul aria-label="Recent comments" className="mt-3 space-y-2">
                      {module.ratings.comments.map((c, i) => (
                        <li key={i} className="border-l-2 border-line pl-3 text-sm text-fg-muted">
                          {c}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <p className="mt-2 text-sm text-fg-muted">No comments yet.</p>
                  )}
                  <p className="mt-3 text-xs text-fg-muted">Shown to the owner and leaders, without names.</p>
                </Panel>
              ) : null}
              {module.retired ? null : (
                <Panel id="outdated" title="Outdated?">
                  <FlagForm slug={module.slug} openFlags={module.openFlags} />
                </Panel>
              )}
            </>
          ) : null}
          <VersionHistory module={module} />
        </div>
      </div>
    </div>
  )
}
