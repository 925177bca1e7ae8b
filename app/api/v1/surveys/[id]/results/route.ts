import { handle, json, methodsNotAllowed } from '@/lib/api'
import { searchParams } from '@/lib/api-body'
import { requireApiUser } from '@/lib/auth/session'
import { resultsForApi } from '@/lib/surveys/api'

export const dynamic = 'force-dynamic'
type Ctx = { params: Promise<{ id: string }> }

export async function GET(request: Request, ctx: Ctx) {
  return handle(async () => {
    const user = await requireApiUser(request)
    return json(await resultsForApi(user, (await ctx.params).id, searchParams(request)))
  })
}

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed('GET')
