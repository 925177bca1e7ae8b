// Alias of /api/v1/changes/{id}/{action}.
export { POST } from '../../../changes/[id]/[action]/route'
import { methodsNotAllowed } from '@/lib/api'
export const dynamic = 'force-dynamic'

export const { GET, PUT, PATCH, DELETE } = methodsNotAllowed('POST')
