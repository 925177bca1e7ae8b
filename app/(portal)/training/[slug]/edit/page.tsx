import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { requirePageUser } from '@/lib/auth/guard'
import { can } from '@/lib/auth/permissions'
import { isAppError } from '@/lib/errors'
import { getDraft, listModelOptions } from '@/lib/training/queries'
import { slugSchema } from '@/lib/training/schemas'
import { StatusBadge } from '@/components/training/badges'
import { Breadcrumbs } from '@/components/ui/breadcrumbs'
import { ModuleEditor } from '@/components/training/module-editor'

export const metadata: Metadata = { title: 'Edit module' }

type Params = Promise<{ slug: string }>
type SearchParams = Promise<Record<string, string | string[] | undefined>>

export default async function EditModulePage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { slug } = await params
  const user = await requirePageUser('training.author', `/training/${slug}/edit`)
  if (!slugSchema.safeParse(slug).success) notFound()
  const draft = await getDraft(user, slug).catch((err: unknown) => {
    if (isAppError(err) && err.code === 'NOT_FOUND') notFound()
    throw err
  })
  const models = await listModelOptions(user)
  const created = (await searchParams).created === '1' && draft.isOwner
  const canRetire = draft.isOwner || user.role === 'LEADER' || user.role === 'ADMIN'

  return (
    <div className="space-y-6">
      <Breadcrumbs
        items={[
          { href: '/training', label: 'Training' },
          draft.latestVersion > 0 ? { href: `/training/${slug}`, label: draft.title } : { label: draft.title },
          { label: 'Edit' },
        ]}
      />
      <header className="space-y-3 border-b border-line pb-6">
        <p className="text-sm font-medium text-accent-text">Edit module</p>
        <h1 className="text-2xl font-semibold tracking-tight text-balance text-fg">{draft.title}</h1>
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm text-fg-muted">
          <StatusBadge status={draft.status} />
          {draft.latestVersion > 0 ? (
            <Link href={`/training/${slug}`} className="text-accent-text underline-offset-2 hover:underline">
              Published version: v{draft.latestVersion}
            </Link>
          ) : (
            <span>Not published yet</span>
          )}
          <span>Owner: {draft.owner.name}</span>
          {draft.lastEditedBy ? <span>Last edited by {draft.lastEditedBy}</span> : null}
        </div>
        {created ? (
          <p className="rounded-lg border border-line bg-accent-soft px-3 py-2 text-sm text-fg">
            Draft created. It saves by itself as you write; submit it for review when it is ready.
          </p>
        ) : null}
        {draft.status === 'IN_REVIEW' || draft.status === 'APPROVED' ? (
          <p className="text-sm text-fg-muted">Saving a change sends it back to draft: it then needs a new review.</p>
        ) : null}
      </header>
      <ModuleEditor draft={draft} models={models} canReview={can(user, 'training.review')} canRetire={canRetire} />
    </div>
  )
}
