import { handle, json, methodsNotAllowed } from '@/lib/api'
import { readJson } from '@/lib/api-body'
import { requireApiUser } from '@/lib/auth/session'
import { deleteWebhook, listWebhooks, sendTestWebhook, updateWebhook } from '@/lib/webhooks/endpoints'

export const dynamic = 'force-dynamic'
type Ctx = { params: Promise<{ id: string }> }

export async function PATCH(request: Request, ctx: Ctx) {
  return handle(async () => {
    const user = await requireApiUser(request)
    const id = (await ctx.params).id
    await updateWebhook(user, id, await readJson(request))
    return json((await listWebhooks(user)).find((w) => w.id === id))
  })
}

export async function DELETE(request: Request, ctx: Ctx) {
  return handle(async () => json(await deleteWebhook(await requireApiUser(request), (await ctx.params).id)))
}

/** POST: queue a test delivery ("ping"). */
export async function POST(request: Request, ctx: Ctx) {
  return handle(async () => json(await sendTestWebhook(await requireApiUser(request), (await ctx.params).id), { status: 202 }))
}

export const { GET, PUT } = methodsNotAllowed('POST', 'PATCH', 'DELETE')
