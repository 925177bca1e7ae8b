import { handle, json, methodsNotAllowed } from '@/lib/api'
import { readJson } from '@/lib/api-body'
import { requireApiUser } from '@/lib/auth/session'
import { getSeverityMappings, updateSeverityMapping } from '@/lib/intake/settings'

export const dynamic = 'force-dynamic'

export async function GET(request: Request) {
  return handle(async () => json({ items: await getSeverityMappings(await requireApiUser(request)) }))
}

/** {"source":"pagerduty"|"incidentio","version","value"}; 409 when someone saved since `version`. */
export async function PUT(request: Request) {
  return handle(async () => json(await updateSeverityMapping(await requireApiUser(request), await readJson(request))))
}

export const { POST, PATCH, DELETE } = methodsNotAllowed('GET', 'PUT')
