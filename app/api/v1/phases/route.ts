import { handle, json, methodsNotAllowed } from '@/lib/api'
import { requireApiUser } from '@/lib/auth/session'
import { phasesForApi } from '@/lib/rollout/api'

export const dynamic = 'force-dynamic'

export async function GET(request: Request) {
  return handle(async () => json(await phasesForApi(await requireApiUser(request))))
}

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed('GET')
