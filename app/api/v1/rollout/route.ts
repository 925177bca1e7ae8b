import { handle, json, methodsNotAllowed } from '@/lib/api'
import { requireApiUser } from '@/lib/auth/session'
import { getOverview } from '@/lib/rollout/queries'

export const dynamic = 'force-dynamic'

/** The leader overview (developers: their own team only). */
export async function GET(request: Request) {
  return handle(async () => json(await getOverview(await requireApiUser(request))))
}

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed('GET')
