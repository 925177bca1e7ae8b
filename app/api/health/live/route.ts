import { json, methodsNotAllowed } from '@/lib/api'
import { getLiveness } from '@/lib/health'

// Liveness for load balancers and container runtimes: public, no database. Restart the process only
// when this fails; a database outage shows on /api/health/ready instead.
export const dynamic = 'force-dynamic'

export function GET() {
  return json(getLiveness())
}

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed('GET')
