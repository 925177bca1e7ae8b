import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { requirePageUser } from '@/lib/auth/guard'
import { can } from '@/lib/auth/permissions'
import { getSessionUser } from '@/lib/auth/session'
import { ModuleReader } from '@/components/training/module-reader'
import { loadVersion } from '../../load'

type Params = Promise<{ slug: string; n: string }>

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { slug, n } = await params
  const user = await getSessionUser()
  const module = user && can(user, 'training.view') && /^\d{1,6}$/.test(n) ? await loadVersion(user, slug, Number(n)) : null
  return { title: module ? `${module.title}, version ${module.version}` : `Version ${n}` }
}

/** An older (or the latest) published version, by number; readable even when retired. */
export default async function ModuleVersionPage({ params }: { params: Params }) {
  const { slug, n } = await params
  const user = await requirePageUser('training.view', `/training/${slug}/versions/${n}`)
  const number = /^\d{1,6}$/.test(n) ? Number(n) : NaN
  if (!Number.isInteger(number) || number < 1) notFound()
  const module = await loadVersion(user, slug, number)
  if (!module) notFound()
  return <ModuleReader module={module} canAuthor={can(user, 'training.author')} />
}
