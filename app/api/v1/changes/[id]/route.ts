import { handle, json, methodsNotAllowed } from '@/lib/api'
import { requireApiUser } from '@/lib/auth/session'
import { getChange } from '@/lib/models/queries'

export const dynamic = 'force-dynamic'
type Ctx = { params: Promise<{ id: string }> }

export async function GET(request: Request, ctx: Ctx) {
  return handle(async () => json(await getChange(await requireApiUser(request), (await ctx.params).id)))
}

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed('GET')
