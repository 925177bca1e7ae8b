import { handle, methodsNotAllowed } from '@/lib/api'
import { searchParams } from '@/lib/api-body'
import { requireApiUser } from '@/lib/auth/session'
import { auditParams } from '@/lib/audit/schemas'
import { auditCsvResponse } from '@/lib/audit/csv'

export const dynamic = 'force-dynamic'

export async function GET(request: Request) {
  return handle(async () => auditCsvResponse(await requireApiUser(request), auditParams(searchParams(request))))
}

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed('GET')
