import { handle, json, methodsNotAllowed } from '@/lib/api'
import { readJson } from '@/lib/api-body'
import { requireApiUser } from '@/lib/auth/session'
import { markNotificationsRead } from '@/lib/notifications/mutations'

export const dynamic = 'force-dynamic'

/** { ids: [...] } or { all: true } */
export async function POST(request: Request) {
  return handle(async () => json(await markNotificationsRead(await requireApiUser(request), await readJson(request))))
}

export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed('POST')
