import { handle, json, methodsNotAllowed } from '@/lib/api'
import { readJson } from '@/lib/api-body'
import { requireApiUser } from '@/lib/auth/session'
import { recordSkillValidation } from '@/lib/models/mutations'
import { getSkill } from '@/lib/models/queries'

export const dynamic = 'force-dynamic'
type Ctx = { params: Promise<{ slug: string }> }

export async function GET(request: Request, ctx: Ctx) {
  return handle(async () => {
    const s = await getSkill(await requireApiUser(request), (await ctx.params).slug)
    return json({ skill: s.slug, validations: s.records, compare: s.compare })
  })
}

export async function POST(request: Request, ctx: Ctx) {
  return handle(async () => json(await recordSkillValidation(await requireApiUser(request), (await ctx.params).slug, await readJson(request)), { status: 201 }))
}

export const { PUT, PATCH, DELETE } = methodsNotAllowed('GET', 'POST')
