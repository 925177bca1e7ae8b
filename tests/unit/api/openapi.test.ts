import { describe, expect, it } from 'vitest'
import { buildOpenApiDocument } from '@/lib/openapi'

type Doc = { paths: Record<string, Record<string, { parameters?: Array<{ name: string; in: string }>; responses: Record<string, unknown> }>> }

describe('the merged OpenAPI document', () => {
  const doc = buildOpenApiDocument() as unknown as Doc

  it('puts every path under /api/v1, where the route handlers are', () => {
    expect(Object.keys(doc.paths).filter((p) => !p.startsWith('/api/v1/'))).toEqual([])
    for (const p of ['/api/v1/incidents', '/api/v1/tech-debt', '/api/v1/throughput', '/api/v1/budget', '/api/v1/imports']) expect(doc.paths[p], p).toBeDefined()
  })

  it('documents the Idempotency-Key header on the POSTs that honour it, once, however often it is built', () => {
    buildOpenApiDocument()
    const again = buildOpenApiDocument() as unknown as Doc
    for (const p of ['/api/v1/training', '/api/v1/findings', '/api/v1/surveys/{id}/responses', '/api/v1/incidents']) {
      const headers = (again.paths[p].post.parameters ?? []).filter((x) => x.in === 'header' && x.name === 'Idempotency-Key')
      expect(headers, p).toHaveLength(1)
    }
    expect(again.paths['/api/v1/tech-debt'].post.parameters ?? []).not.toContainEqual(expect.objectContaining({ name: 'Idempotency-Key' }))
  })

  it('tells clients that a busy database answers 503', () => {
    expect(doc.paths['/api/v1/incidents'].post.responses['503']).toBeDefined()
  })
})
