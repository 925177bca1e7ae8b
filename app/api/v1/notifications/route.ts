import { handle, json, methodsNotAllowed } from '@/lib/api'
import { searchParams } from '@/lib/api-body'
import { requireApiUser } from '@/lib/auth/session'
import { listNotifications } from '@/lib/notifications/queries'

export const dynamic = 'force-dynamic'

export async function GET(request: Request) {
  return handle(async () => {
    const user = await requireApiUser(request)
    const list = await listNotifications(user, { unreadOnly: searchParams(request).unread === 'true' })
    return json({ unread: list.filter((n) => !n.read).length, notifications: list })
  })
}

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed('GET')
