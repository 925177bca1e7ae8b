import { handle, json } from '@/lib/api'
import { requireApiUser } from '@/lib/auth/session'
import { previewImport } from '@/lib/intake/import-job'
import { actorOf, importRequestFrom } from '@/lib/intake/upload'

export const dynamic = 'force-dynamic'

/** Detects the format, maps the columns and validates every row; writes nothing. */
export async function POST(request: Request) {
  return handle(async () => {
    const user = await requireApiUser(request)
    return json(await previewImport(actorOf(user), await importRequestFrom(request)))
  })
}
