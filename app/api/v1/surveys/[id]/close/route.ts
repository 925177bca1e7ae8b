import { handle, json, methodsNotAllowed } from '@/lib/api'
import { readJson } from '@/lib/api-body'
import { requireApiUser } from '@/lib/auth/session'
import { closeSurvey } from '@/lib/surveys/mutations'

export const dynamic = 'force-dynamic'
type Ctx = { params: Promise<{ id: string }> }

export async function POST(request: Request, ctx: Ctx) {
  return handle(async () => {
    const user = await requireApiUser(request)
    return json(await closeSurvey(user, (await ctx.params).id, (await readJson(request)) as never))
  })
}

export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed('POST')
