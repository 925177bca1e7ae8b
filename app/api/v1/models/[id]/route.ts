import { handle, json, methodsNotAllowed } from '@/lib/api'
import { readJson } from '@/lib/api-body'
import { requireApiUser } from '@/lib/auth/session'
import { NotFoundError } from '@/lib/errors'
import { updateModelVersion } from '@/lib/models/mutations'
import { listModels } from '@/lib/models/queries'

export const dynamic = 'force-dynamic'
type Ctx = { params: Promise<{ id: string }> }

async function one(user: Awaited<ReturnType<typeof requireApiUser>>, id: string) {
  const m = (await listModels(user)).find((x) => x.id === id)
  if (!m) throw new NotFoundError('No such model version.')
  return m
}

export async function GET(request: Request, ctx: Ctx) {
  return handle(async () => json(await one(await requireApiUser(request), (await ctx.params).id)))
}

export async function PATCH(request: Request, ctx: Ctx) {
  return handle(async () => {
    const user = await requireApiUser(request)
    const id = (await ctx.params).id
    await updateModelVersion(user, id, await readJson(request))
    return json(await one(user, id))
  })
}

export const { POST, PUT, DELETE } = methodsNotAllowed('GET', 'PATCH')
