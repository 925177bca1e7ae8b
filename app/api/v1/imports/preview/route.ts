import { handle, json, methodsNotAllowed } from '@/lib/api'
import { can } from '@/lib/auth/permissions'
import { requireApiUser } from '@/lib/auth/session'
import { ForbiddenError } from '@/lib/errors'
import { previewImport } from '@/lib/intake/import-job'
import { actorOf, importRequestFrom } from '@/lib/intake/upload'

export const dynamic = 'force-dynamic'

/** Detects the format, maps the columns and validates every row; writes nothing. */
export async function POST(request: Request) {
  return handle(async () => {
    const user = await requireApiUser(request)
    // Refuse before reading (and parsing) an upload of up to many MB; the kind's own permission is checked again.
    if (!can(user, 'outcomes.import') && !can(user, 'budget.edit')) throw new ForbiddenError()
    return json(await previewImport(actorOf(user), await importRequestFrom(request)))
  })
}

export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed('POST')
