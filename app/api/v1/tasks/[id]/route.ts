import { handle, json, methodsNotAllowed } from '@/lib/api'
import { readJson } from '@/lib/api-body'
import { requireApiUser } from '@/lib/auth/session'
import { updateTask } from '@/lib/models/mutations'
import { getTask } from '@/lib/models/queries'

export const dynamic = 'force-dynamic'
type Ctx = { params: Promise<{ id: string }> }

export async function GET(request: Request, ctx: Ctx) {
  return handle(async () => json(await getTask(await requireApiUser(request), (await ctx.params).id)))
}

export async function PATCH(request: Request, ctx: Ctx) {
  return handle(async () => {
    const user = await requireApiUser(request)
    const id = (await ctx.params).id
    await updateTask(user, id, await readJson(request))
    return json(await getTask(user, id))
  })
}

export const { POST, PUT, DELETE } = methodsNotAllowed('GET', 'PATCH')
