import { errorJson } from '@/lib/api'

// Any /api address that no route handles: a JSON 404 in the stable error shape, for every method,
// instead of the HTML not-found page. More specific routes always win over this catch-all.
export const dynamic = 'force-dynamic'

function notFound() {
  return errorJson('NOT_FOUND', 'There is no API at this address. The API is described at /api/v1/openapi.json.', 404)
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE }
