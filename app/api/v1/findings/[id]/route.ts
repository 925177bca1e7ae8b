import { handle, json, methodsNotAllowed } from '@/lib/api'
import { readJson } from '@/lib/api-body'
import { requireApiUser } from '@/lib/auth/session'
import { findingForApi } from '@/lib/rollout/api'
import { updateFinding } from '@/lib/rollout/mutations'

export const dynamic = 'force-dynamic'
type Ctx = { params: Promise<{ id: string }> }

export async function GET(request: Request, ctx: Ctx) {
  return handle(async () => json(await findingForApi(await requireApiUser(request), (await ctx.params).id)))
}

export async function PATCH(request: Request, ctx: Ctx) {
  return handle(async () => {
    const user = await requireApiUser(request)
    const id = (await ctx.params).id
    await findingForApi(user, id)
    await updateFinding(user, id, (await readJson(request)) as never)
    return json(await findingForApi(user, id))
  })
}

export const { POST, PUT, DELETE } = methodsNotAllowed('GET', 'PATCH')
