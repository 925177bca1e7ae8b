import { handle, json, methodsNotAllowed } from '@/lib/api'
import { idempotent } from '@/lib/idempotency'
import { searchParams } from '@/lib/api-body'
import { requireApiUser } from '@/lib/auth/session'
import { ingestRecords, listIncidents } from '@/lib/intake/api'
import { readBatchJson } from '@/lib/intake/body'

export const dynamic = 'force-dynamic'

export async function GET(request: Request) {
  return handle(async () => json(await listIncidents(await requireApiUser(request), searchParams(request))))
}

/** A JSON array of up to 10,000 records, upserted on their external id; 422 and nothing written when any is invalid. */
export async function POST(request: Request) {
  return handle(async () => {
    const user = await requireApiUser(request)
    return idempotent(request, user, async () => json(await ingestRecords(user, 'incidents', await readBatchJson(request))))
  })
}

export const { PUT, PATCH, DELETE } = methodsNotAllowed('GET', 'POST')
