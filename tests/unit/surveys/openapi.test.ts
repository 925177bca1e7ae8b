import { describe, expect, it } from 'vitest'
import { buildOpenApiDocument } from '@/lib/openapi'

describe('surveys in the OpenAPI document', () => {
  const doc = buildOpenApiDocument() as unknown as { paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } }
  it('describes every survey path', () => {
    expect(Object.keys(doc.paths).filter((p) => p.startsWith('/api/v1/surveys')).sort()).toEqual([
      '/api/v1/surveys',
      '/api/v1/surveys/{id}',
      '/api/v1/surveys/{id}/close',
      '/api/v1/surveys/{id}/responses',
      '/api/v1/surveys/{id}/results',
    ])
  })
  it('documents the results filters and the suppressed shape', () => {
    const get = (doc.paths['/api/v1/surveys/{id}/results'] as { get: { parameters: Array<{ name: string }> } }).get
    expect(get.parameters.map((p) => p.name)).toEqual(['id', 'team', 'cohort', 'stage', 'breakdown'])
    expect(JSON.stringify(doc.components.schemas.SurveyResults)).toContain('fewer than 5 responses')
    expect(JSON.stringify(doc.components.schemas.ScheduleSurvey)).toContain('date-time')
  })
})
