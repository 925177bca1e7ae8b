import 'server-only'
import { cache } from 'react'
import { notFound } from 'next/navigation'
import type { SessionUser } from '@/lib/auth/session'
import { isAppError } from '@/lib/errors'
import { getModuleVersion, type ModuleVersionView } from '@/lib/training/queries'
import { slugSchema } from '@/lib/training/schemas'

/**
 * A published version for the reader pages, or null when there is none (the caller decides: 404 or
 * the editor). Cached per request, so generateMetadata and the page share one read.
 */
export const loadVersion = cache(async (user: SessionUser, slug: string, number?: number): Promise<ModuleVersionView | null> => {
  if (!slugSchema.safeParse(slug).success) notFound()
  try {
    return await getModuleVersion(user, slug, number)
  } catch (err) {
    if (isAppError(err) && err.code === 'NOT_FOUND') return null
    throw err
  }
})
