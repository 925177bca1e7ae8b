// Alias of /api/v1/changes.
export { GET, POST } from '../changes/route'
export const dynamic = 'force-dynamic'
