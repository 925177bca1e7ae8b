import { handle, json, methodsNotAllowed } from '@/lib/api'
import { requireApiUser } from '@/lib/auth/session'
import { teamsForApi } from '@/lib/rollout/api'

export const dynamic = 'force-dynamic'

export async function GET(request: Request) {
  return handle(async () => json(await teamsForApi(await requireApiUser(request))))
}

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed('GET')
