import { handle, json, methodsNotAllowed } from '@/lib/api'
import { searchParams } from '@/lib/api-body'
import { requireApiUser } from '@/lib/auth/session'
import { listDeliveries } from '@/lib/webhooks/endpoints'

export const dynamic = 'force-dynamic'

export async function GET(request: Request) {
  return handle(async () => json({ deliveries: await listDeliveries(await requireApiUser(request), searchParams(request).endpointId) }))
}

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed('GET')
