import { handle, json, methodsNotAllowed } from '@/lib/api'
import { readJson } from '@/lib/api-body'
import { requireApiUser } from '@/lib/auth/session'
import { NotFoundError } from '@/lib/errors'
import { WORKFLOW_ACTIONS, type WorkflowActionName } from '@/lib/training/api'

export const dynamic = 'force-dynamic'
type Ctx = { params: Promise<{ slug: string; action: string }> }

// POST /api/v1/training/{slug}/{submit|approve|request-changes|publish|retire}
export async function POST(request: Request, ctx: Ctx) {
  return handle(async () => {
    const user = await requireApiUser(request)
    const { slug, action } = await ctx.params
    if (!Object.hasOwn(WORKFLOW_ACTIONS, action)) throw new NotFoundError('Unknown action: use submit, approve, request-changes, publish or retire.')
    const result = await WORKFLOW_ACTIONS[action as WorkflowActionName](user, slug, await readJson(request))
    return json(result)
  })
}

export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed('POST')
