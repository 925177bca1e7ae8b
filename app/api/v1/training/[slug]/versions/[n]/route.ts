import { handle, json, methodsNotAllowed } from '@/lib/api'
import { requireApiUser } from '@/lib/auth/session'
import { NotFoundError } from '@/lib/errors'
import { moduleForApi } from '@/lib/training/api'

export const dynamic = 'force-dynamic'
type Ctx = { params: Promise<{ slug: string; n: string }> }

export async function GET(request: Request, ctx: Ctx) {
  return handle(async () => {
    const user = await requireApiUser(request)
    const { slug, n } = await ctx.params
    const number = Number(n)
    if (!/^\d{1,6}$/.test(n) || number < 1) throw new NotFoundError('Versions are numbered 1, 2, 3 …')
    return json(await moduleForApi(user, slug, number))
  })
}

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed('GET')
