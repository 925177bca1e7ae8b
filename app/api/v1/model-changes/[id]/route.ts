// Alias of /api/v1/changes/{id}.
export { GET } from '../../changes/[id]/route'
export const dynamic = 'force-dynamic'
