import { handle, json, methodsNotAllowed } from '@/lib/api'
import { readJson } from '@/lib/api-body'
import { requireApiUser } from '@/lib/auth/session'
import { resolveTask } from '@/lib/models/mutations'
import { getTask } from '@/lib/models/queries'

export const dynamic = 'force-dynamic'
type Ctx = { params: Promise<{ id: string }> }

/** { version, outcome: KEEP | UPDATE | RETIRE, notes?, body? (skills), result? } */
export async function POST(request: Request, ctx: Ctx) {
  return handle(async () => {
    const user = await requireApiUser(request)
    const id = (await ctx.params).id
    await resolveTask(user, id, await readJson(request))
    return json(await getTask(user, id))
  })
}

export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed('POST')
