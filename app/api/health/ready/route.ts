import { json, methodsNotAllowed } from '@/lib/api'
import { getReadiness } from '@/lib/health'

// Readiness for load balancers: public; 200 when the database answers and has this build's
// migrations, 503 otherwise (take the instance out of rotation, do not restart it).
export const dynamic = 'force-dynamic'

export async function GET() {
  const readiness = await getReadiness()
  return json(readiness, readiness.status === 'ready' ? {} : { status: 503, headers: { 'Retry-After': '5' } })
}

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed('GET')
