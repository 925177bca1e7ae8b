import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { requirePageUser } from '@/lib/auth/guard'
import { isAppError } from '@/lib/errors'
import { diffModuleVersions } from '@/lib/training/queries'
import { slugSchema } from '@/lib/training/schemas'
import { buttonClasses } from '@/components/ui/button'
import { Breadcrumbs } from '@/components/ui/breadcrumbs'
import { BodyDiff, MetaChanges } from '@/components/training/diff-view'
import { formatDate } from '@/components/training/format'
import { selectSmClasses } from '@/components/training/form-controls'
import { cx } from '@/components/ui/cx'

export const metadata: Metadata = { title: 'Compare versions' }

type Params = Promise<{ slug: string }>
type SearchParams = Promise<Record<string, string | string[] | undefined>>

function versionParam(v: string | string[] | undefined): number | undefined {
  const s = Array.isArray(v) ? v[0] : v
  return s && /^\d{1,6}$/.test(s) && Number(s) >= 1 ? Number(s) : undefined
}

async function load(user: Parameters<typeof diffModuleVersions>[0], slug: string, from: number, to: number) {
  try {
    return await diffModuleVersions(user, slug, from, to)
  } catch (err) {
    if (isAppError(err) && err.code === 'NOT_FOUND') return null
    throw err
  }
}

export default async function DiffPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { slug } = await params
  const sp = await searchParams
  const user = await requirePageUser('training.view', `/training/${slug}/diff`)
  if (!slugSchema.safeParse(slug).success) notFound()

  // Without numbers: the latest version against the one before it.
  let to = versionParam(sp.to)
  let from = versionParam(sp.from)
  let diff = to && from ? await load(user, slug, from, to) : null
  if (!diff && (!to || !from)) {
    const probe = await load(user, slug, 1, 1)
    if (!probe) notFound()
    to = to ?? probe.latestVersion
    from = from ?? Math.max(1, to - 1)
    diff = await load(user, slug, from, to)
  }
  if (!diff || !from || !to) notFound()

  const title = `Changes from version ${from} to version ${to}`
  const numbers = Array.from({ length: diff.latestVersion }, (_, i) => diff.latestVersion - i)

  return (
    <div className="space-y-6">
      <Breadcrumbs items={[{ href: '/training', label: 'Training' }, { href: `/training/${slug}`, label: diff.to.title }, { label: 'Compare versions' }]} />
      <header className="space-y-2 border-b border-line pb-6">
        <p className="text-sm font-medium text-accent-text">
          <Link href={`/training/${slug}`} className="hover:underline">
            {diff.to.title}
          </Link>
        </p>
        <h1 className="text-2xl font-semibold tracking-tight text-fg">{title}</h1>
        <p className="text-sm text-fg-muted">
          <span className="font-medium text-fg" aria-hidden="true">
            <span className="text-(--diff-added-fg)">+{diff.stats.added}</span> <span className="text-(--diff-removed-fg)">−{diff.stats.removed}</span> lines
          </span>
          <span className="sr-only">
            {diff.stats.added} lines added, {diff.stats.removed} removed
          </span>
        </p>
      </header>

      <form method="get" action={`/training/${slug}/diff`} aria-label="Choose versions" className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="diff-from" className="block text-xs font-medium text-fg-muted">
            From version
          </label>
          <select id="diff-from" name="from" defaultValue={String(from)} className={cx(selectSmClasses, 'mt-1 w-40')}>
            {numbers.map((n) => (
              <option key={n} value={n}>
                Version {n}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="diff-to" className="block text-xs font-medium text-fg-muted">
            To version
          </label>
          <select id="diff-to" name="to" defaultValue={String(to)} className={cx(selectSmClasses, 'mt-1 w-40')}>
            {numbers.map((n) => (
              <option key={n} value={n}>
                Version {n}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={buttonClasses({ variant: 'secondary', size: 'sm', className: 'h-9' })}>
          Compare
        </button>
      </form>

      <div className="grid gap-4 sm:grid-cols-2">
        {[diff.from, diff.to].map((v, i) => (
          <div key={i} className="rounded-xl border border-line bg-surface p-4 text-sm">
            <p className="font-medium text-fg">
              <Link href={`/training/${slug}/versions/${v.number}`} className="text-accent-text underline underline-offset-2 hover:no-underline">
                Version {v.number}
              </Link>{' '}
              <span className="font-normal text-fg-muted">· {formatDate(v.publishedAt)}</span>
            </p>
            <p className="mt-1 text-fg-muted">{v.changelog}</p>
          </div>
        ))}
      </div>

      {from === to ? (
        <p role="note" className="rounded-xl border border-line bg-surface px-4 py-3 text-sm text-fg-muted">
          {diff.latestVersion === 1 ? 'This module has only one version so far.' : 'Choose two different versions to see what changed.'}
        </p>
      ) : null}

      <section aria-labelledby="meta-changes" className="space-y-3">
        <h2 id="meta-changes" className="text-base font-semibold text-fg">
          Details
        </h2>
        <div className="rounded-xl border border-line bg-surface p-4">
          <MetaChanges changes={diff.meta} />
        </div>
      </section>

      <section aria-labelledby="body-changes" className="space-y-3">
        <h2 id="body-changes" className="text-base font-semibold text-fg">
          Body
        </h2>
        <BodyDiff blocks={diff.blocks} label={title} />
      </section>
    </div>
  )
}
