import { handle, json, methodsNotAllowed } from '@/lib/api'
import { readJson } from '@/lib/api-body'
import { requireApiUser } from '@/lib/auth/session'
import { moduleForApi } from '@/lib/training/api'
import { saveDraft } from '@/lib/training/mutations'

export const dynamic = 'force-dynamic'
type Ctx = { params: Promise<{ slug: string }> }

export async function GET(request: Request, ctx: Ctx) {
  return handle(async () => {
    const user = await requireApiUser(request)
    return json(await moduleForApi(user, (await ctx.params).slug))
  })
}

export async function PATCH(request: Request, ctx: Ctx) {
  return handle(async () => {
    const user = await requireApiUser(request)
    const saved = await saveDraft(user, (await ctx.params).slug, (await readJson(request)) as never)
    return json({ slug: saved.slug, version: saved.version, status: saved.status })
  })
}

export const { POST, PUT, DELETE } = methodsNotAllowed('GET', 'PATCH')
