import type { OpenApiPart } from '@/lib/openapi-helpers'

// The /api/v1 paths and schemas of this domain, merged into /api/v1/openapi.json by lib/openapi.ts.
export const modelsOpenApi: OpenApiPart = { paths: {}, schemas: {} }
