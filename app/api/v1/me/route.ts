import { handle, json, methodsNotAllowed } from '@/lib/api'
import { requireApiUser } from '@/lib/auth/session'
import { assertCan } from '@/lib/auth/permissions'

export const dynamic = 'force-dynamic'

export async function GET(request: Request) {
  return handle(async () => {
    const user = await requireApiUser(request)
    assertCan(user, 'home.view')
    return json({ email: user.email, name: user.name, role: user.role, via: user.via, ...(user.tokenScope ? { tokenScope: user.tokenScope } : {}) })
  })
}

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed('GET')
