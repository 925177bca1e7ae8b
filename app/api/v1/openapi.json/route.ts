import { json, methodsNotAllowed } from '@/lib/api'
import { buildOpenApiDocument } from '@/lib/openapi'

// Public: the API's description is not a secret (the API itself needs a token).
export const dynamic = 'force-static'

export function GET() {
  return json(buildOpenApiDocument(), { headers: { 'Cache-Control': 'public, max-age=300' } })
}

export const { POST, PUT, PATCH, DELETE } = methodsNotAllowed('GET')
