import { json, methodsNotAllowed } from '@/lib/api'
import { getHealth } from '@/lib/health'

// Public on purpose (load balancers): says only whether the app and its database work.
export const dynamic = 'force-dynamic'

export async function GET() {
  const health = await getHealth()
  return json(health, { status: health.status === 'ok' ? 200 : 503 })
}

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed('GET')
