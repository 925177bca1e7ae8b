import { handle, json, methodsNotAllowed } from '@/lib/api'
import { searchParams } from '@/lib/api-body'
import { requireApiUser } from '@/lib/auth/session'
import { cohortsForApi } from '@/lib/rollout/api'

export const dynamic = 'force-dynamic'

export async function GET(request: Request) {
  return handle(async () => json(await cohortsForApi(await requireApiUser(request), searchParams(request))))
}

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed('GET')
