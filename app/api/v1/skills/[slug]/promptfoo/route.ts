import { handle, json, methodsNotAllowed } from '@/lib/api'
import { requireApiUser } from '@/lib/auth/session'
import { readUpload } from '@/lib/intake/body'
import { importPromptfoo } from '@/lib/models/imports'

export const dynamic = 'force-dynamic'
type Ctx = { params: Promise<{ slug: string }> }

/** Raw body: the results.json that `promptfoo eval --output results.json` writes. */
export async function POST(request: Request, ctx: Ctx) {
  return handle(async () => {
    const user = await requireApiUser(request)
    return json(await importPromptfoo(user, (await ctx.params).slug, await readUpload(request)), { status: 201 })
  })
}

export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed('POST')
