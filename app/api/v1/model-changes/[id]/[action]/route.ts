// Alias of /api/v1/changes/{id}/{action}.
export { POST } from '../../../changes/[id]/[action]/route'
export const dynamic = 'force-dynamic'
