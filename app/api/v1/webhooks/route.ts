import { handle, json, methodsNotAllowed } from '@/lib/api'
import { readJson } from '@/lib/api-body'
import { requireApiUser } from '@/lib/auth/session'
import { createWebhook, listWebhooks } from '@/lib/webhooks/endpoints'

export const dynamic = 'force-dynamic'

export async function GET(request: Request) {
  return handle(async () => json({ webhooks: await listWebhooks(await requireApiUser(request)) }))
}

export async function POST(request: Request) {
  return handle(async () => {
    const user = await requireApiUser(request)
    const created = await createWebhook(user, await readJson(request))
    return json((await listWebhooks(user)).find((w) => w.id === created.id), { status: 201 })
  })
}

export const { PUT, PATCH, DELETE } = methodsNotAllowed('GET', 'POST')
