import { describe, expect, it } from 'vitest'
import { intakeOpenApi } from '@/lib/intake/openapi'

describe('intake OpenAPI part', () => {
  it('describes the four resources with batch bodies generated from the zod schemas', () => {
    for (const p of ['/api/v1/incidents', '/api/v1/tech-debt', '/api/v1/throughput', '/api/v1/budget']) {
      expect(Object.keys(intakeOpenApi.paths[p] as object).sort()).toEqual(['get', 'post'])
    }
    const batch = intakeOpenApi.schemas.IncidentBatch as { maxItems: number; items: { properties: Record<string, unknown> } }
    expect(batch.maxItems).toBe(10_000)
    expect(Object.keys(batch.items.properties)).toEqual(expect.arrayContaining(['externalId', 'severity', 'team', 'startedAt', 'resolvedAt', 'causeChangeUrl', 'aiAssisted']))
    const params = ((intakeOpenApi.paths['/api/v1/incidents'] as { get: { parameters: Array<{ name: string }> } }).get.parameters).map((p) => p.name)
    expect(params).toEqual(expect.arrayContaining(['team', 'since', 'until', 'severity', 'limit', 'offset']))
  })
})
