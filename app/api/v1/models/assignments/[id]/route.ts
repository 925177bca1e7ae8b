import { handle, json, methodsNotAllowed } from '@/lib/api'
import { requireApiUser } from '@/lib/auth/session'
import { unassignModel } from '@/lib/models/mutations'

export const dynamic = 'force-dynamic'
type Ctx = { params: Promise<{ id: string }> }

export async function DELETE(request: Request, ctx: Ctx) {
  return handle(async () => json(await unassignModel(await requireApiUser(request), (await ctx.params).id)))
}

export const { GET, POST, PUT, PATCH } = methodsNotAllowed('DELETE')
