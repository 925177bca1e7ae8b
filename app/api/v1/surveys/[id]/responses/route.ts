import { handle, json, methodsNotAllowed } from '@/lib/api'
import { idempotent } from '@/lib/idempotency'
import { readJson } from '@/lib/api-body'
import { requireApiUser } from '@/lib/auth/session'
import { answerSurvey } from '@/lib/surveys/mutations'

export const dynamic = 'force-dynamic'
type Ctx = { params: Promise<{ id: string }> }

/** Answers as the token's or session's owner; a second answer gets 409. Nothing in the reply identifies the response. */
export async function POST(request: Request, ctx: Ctx) {
  return handle(async () => {
    const user = await requireApiUser(request)
    return idempotent(request, user, async () => json(await answerSurvey(user, (await ctx.params).id, (await readJson(request)) as never), { status: 201 }))
  })
}

export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed('POST')
