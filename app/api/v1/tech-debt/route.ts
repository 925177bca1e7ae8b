import { handle, json, methodsNotAllowed } from '@/lib/api'
import { searchParams } from '@/lib/api-body'
import { requireApiUser } from '@/lib/auth/session'
import { ingestRecords, listTechDebt } from '@/lib/intake/api'
import { readBatchJson } from '@/lib/intake/body'

export const dynamic = 'force-dynamic'

export async function GET(request: Request) {
  return handle(async () => json(await listTechDebt(await requireApiUser(request), searchParams(request))))
}

/** A JSON array of up to 10,000 records, upserted on their external id; 422 and nothing written when any is invalid. */
export async function POST(request: Request) {
  return handle(async () => {
    const user = await requireApiUser(request)
    return json(await ingestRecords(user, 'tech-debt', await readBatchJson(request)))
  })
}

export const { PUT, PATCH, DELETE } = methodsNotAllowed('GET', 'POST')
