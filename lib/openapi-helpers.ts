import { z } from 'zod'

// Building blocks of the OpenAPI document. Each domain describes its own paths and schemas in
// lib/<domain>/openapi.ts with these, from the zod schemas its handlers validate with; lib/openapi.ts
// merges them.

export type JsonSchema = Record<string, unknown>

export const input = (s: z.ZodType): JsonSchema => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }) as JsonSchema
export const output = (s: z.ZodType): JsonSchema => z.toJSONSchema(s, { io: 'output', unrepresentable: 'any' }) as JsonSchema

export function strip(schema: JsonSchema): JsonSchema {
  const { $schema: _s, ...rest } = schema
  return rest
}

export function queryParameters(schema: z.ZodObject) {
  const json = input(schema) as { properties: Record<string, JsonSchema>; required?: string[] }
  return Object.entries(json.properties).map(([name, s]) => ({ name, in: 'query', required: json.required?.includes(name) ?? false, schema: s }))
}

export const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } })
export const ok = (ref: string, description = 'OK') => ({ description, content: { 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } } })
export const body = (ref: string) => ({ required: true, content: { 'application/json': { schema: { $ref: `#/components/schemas/${ref}` } } } })
export const slugParam = { name: 'slug', in: 'path', required: true, schema: { type: 'string', pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$' } }
export const common = {
  '401': errorResponse('No valid API token or session'),
  '403': errorResponse('Not allowed for this role'),
  '422': errorResponse('Invalid input: see error.fields'),
  '503': errorResponse('The database is busy or unreachable: retry after the Retry-After header\'s seconds'),
}

/** The optional header of the POSTs wrapped by lib/idempotency.ts. */
export const idempotencyKeyParam = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description: 'Repeating a request with the same key and body within 24 hours returns the first answer (header Idempotent-Replayed: true) without a second write; the same key with another body is refused (422).',
  schema: { type: 'string', minLength: 1, maxLength: 255 },
}

export interface OpenApiPart {
  paths: Record<string, unknown>
  schemas: Record<string, JsonSchema>
}
