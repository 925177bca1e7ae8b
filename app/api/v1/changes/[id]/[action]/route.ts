import { handle, json, methodsNotAllowed } from '@/lib/api'
import { readJson } from '@/lib/api-body'
import { requireApiUser } from '@/lib/auth/session'
import { NotFoundError } from '@/lib/errors'
import { advanceModelChange, cancelModelChange, confirmProposedChange, rollbackModelChange } from '@/lib/models/mutations'
import { getChange } from '@/lib/models/queries'

export const dynamic = 'force-dynamic'
type Ctx = { params: Promise<{ id: string; action: string }> }

const ACTIONS = { advance: advanceModelChange, rollback: rollbackModelChange, confirm: confirmProposedChange, cancel: cancelModelChange } as const

/** POST /changes/{id}/advance | rollback | confirm | cancel, body with the change's lock `version`. */
export async function POST(request: Request, ctx: Ctx) {
  return handle(async () => {
    const user = await requireApiUser(request)
    const { id, action } = await ctx.params
    const run = ACTIONS[action as keyof typeof ACTIONS]
    if (!run) throw new NotFoundError('Unknown action: use advance, rollback, confirm or cancel.')
    await run(user, id, await readJson(request))
    return json(await getChange(user, id))
  })
}

export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed('POST')
