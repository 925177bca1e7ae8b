import { handle, json, methodsNotAllowed } from '@/lib/api'
import { readJson } from '@/lib/api-body'
import { requireApiUser } from '@/lib/auth/session'
import { updateSkill } from '@/lib/models/mutations'
import { getSkill } from '@/lib/models/queries'

export const dynamic = 'force-dynamic'
type Ctx = { params: Promise<{ slug: string }> }

export async function GET(request: Request, ctx: Ctx) {
  return handle(async () => json(await getSkill(await requireApiUser(request), (await ctx.params).slug)))
}

export async function PATCH(request: Request, ctx: Ctx) {
  return handle(async () => {
    const user = await requireApiUser(request)
    const slug = (await ctx.params).slug
    await updateSkill(user, slug, await readJson(request))
    return json(await getSkill(user, slug))
  })
}

export const { POST, PUT, DELETE } = methodsNotAllowed('GET', 'PATCH')
