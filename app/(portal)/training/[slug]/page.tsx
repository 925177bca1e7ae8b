import type { Metadata } from 'next'
import { notFound, redirect } from 'next/navigation'
import { requirePageUser } from '@/lib/auth/guard'
import { can } from '@/lib/auth/permissions'
import { getSessionUser } from '@/lib/auth/session'
import { ModuleReader } from '@/components/training/module-reader'
import { ModelChangeBanner } from '@/components/models/model-change-banner'
import { loadVersion } from './load'

type Params = Promise<{ slug: string }>

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { slug } = await params
  const user = await getSessionUser()
  const module = user && can(user, 'training.view') ? await loadVersion(user, slug) : null
  return { title: module?.title ?? 'Training' }
}

/** The stable address of a module: always its latest published version. */
export default async function ModulePage({ params }: { params: Params }) {
  const { slug } = await params
  const user = await requirePageUser('training.view', `/training/${slug}`)
  const canAuthor = can(user, 'training.author')
  const module = await loadVersion(user, slug)
  if (!module) {
    // Never published: authors land in the editor (which 404s if there is no such module at all).
    if (canAuthor) redirect(`/training/${slug}/edit`)
    notFound()
  }
  // Read in the module's own statement (lib/training/queries/module.ts), not a query of its own.
  const notice = module.changeNotice
  return (
    <>
      {notice ? <div className="mb-4"><ModelChangeBanner notice={notice} /></div> : null}
      <ModuleReader module={module} canAuthor={canAuthor} />
    </>
  )
}
