// Alias of /api/v1/changes/{id}.
export { GET } from '../../changes/[id]/route'
import { methodsNotAllowed } from '@/lib/api'
export const dynamic = 'force-dynamic'

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed('GET')
