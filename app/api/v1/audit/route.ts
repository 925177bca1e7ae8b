import { handle, json, methodsNotAllowed } from '@/lib/api'
import { searchParams } from '@/lib/api-body'
import { requireApiUser } from '@/lib/auth/session'
import { auditParams } from '@/lib/audit/schemas'
import { listAudit } from '@/lib/audit/queries'

export const dynamic = 'force-dynamic'

// The audit log is read-only through the API: GET only (other methods answer 405).
export async function GET(request: Request) {
  return handle(async () => {
    const { items, nextCursor } = await listAudit(await requireApiUser(request), auditParams(searchParams(request)))
    return json({ items, nextCursor })
  })
}

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed('GET')
