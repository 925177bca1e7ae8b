// Alias of /api/v1/changes.
export { GET, POST } from '../changes/route'
import { methodsNotAllowed } from '@/lib/api'
export const dynamic = 'force-dynamic'

export const { PUT, PATCH, DELETE } = methodsNotAllowed('GET', 'POST')
