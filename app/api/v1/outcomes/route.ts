import { handle, json, methodsNotAllowed } from '@/lib/api'
import { searchParams } from '@/lib/api-body'
import { requireApiUser } from '@/lib/auth/session'
import { outcomesForApi } from '@/lib/outcomes/api'

export const dynamic = 'force-dynamic'

// GET /api/v1/outcomes?groupBy=team|cohort|stage&from=YYYY-MM&to=YYYY-MM[&group=<key>]
export async function GET(request: Request) {
  return handle(async () => json(await outcomesForApi(await requireApiUser(request), searchParams(request))))
}

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed('GET')
