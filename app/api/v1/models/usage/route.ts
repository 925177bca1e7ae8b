import { handle, json } from '@/lib/api'
import { searchParams } from '@/lib/api-body'
import { requireApiUser } from '@/lib/auth/session'
import { readUpload } from '@/lib/intake/body'
import { importCopilotUsage } from '@/lib/models/imports'
import { listModelUsage } from '@/lib/models/queries'

export const dynamic = 'force-dynamic'

/** Team model use per day (from Copilot reports). */
export async function GET(request: Request) {
  return handle(async () => json({ usage: await listModelUsage(await requireApiUser(request), Number(searchParams(request).days ?? 28) || 28) }))
}

/** Import a GitHub Copilot usage-metrics NDJSON report (raw body). ?team=<slug> for organisation day totals. */
export async function POST(request: Request) {
  return handle(async () => {
    const user = await requireApiUser(request)
    const bytes = await readUpload(request)
    return json(await importCopilotUsage(user, bytes, { teamSlug: searchParams(request).team ?? null }))
  })
}
