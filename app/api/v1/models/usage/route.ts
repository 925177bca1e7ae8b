import { z } from 'zod'
import { parseInput } from '@/lib/action-result'
import { handle, json, methodsNotAllowed } from '@/lib/api'
import { searchParams } from '@/lib/api-body'
import { requireApiUser } from '@/lib/auth/session'
import { readUpload } from '@/lib/intake/body'
import { importCopilotUsage } from '@/lib/models/imports'
import { listModelUsage } from '@/lib/models/queries'

export const dynamic = 'force-dynamic'

// ?days=1..3660 (default 28); anything else is a 400, not an invalid date deep in the query.
const usageQuerySchema = z.object({ days: z.coerce.number().int().min(1).max(3660).default(28) })

/** Team model use per day (from Copilot reports). */
export async function GET(request: Request) {
  return handle(async () => {
    const user = await requireApiUser(request)
    const { days } = parseInput(usageQuerySchema, searchParams(request))
    return json({ usage: await listModelUsage(user, days) })
  })
}

/** Import a GitHub Copilot usage-metrics NDJSON report (raw body). ?team=<slug> for organisation day totals. */
export async function POST(request: Request) {
  return handle(async () => {
    const user = await requireApiUser(request)
    const bytes = await readUpload(request)
    return json(await importCopilotUsage(user, bytes, { teamSlug: searchParams(request).team ?? null }))
  })
}

export const { PUT, PATCH, DELETE } = methodsNotAllowed('GET', 'POST')
