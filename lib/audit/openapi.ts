import { z } from 'zod'
import { common, errorResponse, ok, queryParameters, type OpenApiPart } from '@/lib/openapi-helpers'
import { auditFilterSchema } from '@/lib/audit/schemas'

// GET /api/v1/audit and its CSV export, merged into /api/v1/openapi.json by lib/openapi.ts.

// queryParameters needs the object under the refine (from <= to), which zod keeps as the same shape.
const params = queryParameters(auditFilterSchema as unknown as z.ZodObject)
const exportParams = params.filter((p) => p.name !== 'cursor' && p.name !== 'limit')

const change = { type: 'object', properties: { field: { type: 'string' }, before: { type: ['string', 'null'] }, after: { type: ['string', 'null'] } }, required: ['field', 'before', 'after'] }

export const auditOpenApi: OpenApiPart = {
  paths: {
    '/api/v1/audit': {
      get: {
        tags: ['Audit'],
        summary: 'The audit log, newest first, filtered; keyset pages (pass nextCursor as cursor). audit.view (leaders, admins)',
        parameters: params,
        responses: { '200': ok('AuditPage'), ...common },
      },
    },
    '/api/v1/audit/export': {
      get: {
        tags: ['Audit'],
        summary: 'CSV of every entry matching the filters (at most 100,000, newest first); cells that a spreadsheet would run as a formula are neutralised. audit.view',
        parameters: exportParams,
        responses: { '200': { description: 'CSV (UTF-8 with BOM)', content: { 'text/csv': { schema: { type: 'string' } } } }, ...common, '422': errorResponse('Invalid filter: see error.fields') },
      },
    },
  },
  schemas: {
    AuditPage: {
      type: 'object',
      required: ['items', 'nextCursor'],
      properties: {
        nextCursor: { type: ['string', 'null'], description: 'Pass as `cursor` for the next (older) page; null on the last page' },
        items: {
          type: 'array',
          items: {
            type: 'object',
            required: ['id', 'at', 'actor', 'action', 'entityType', 'entityId', 'summary', 'changes', 'details', 'text'],
            properties: {
              id: { type: 'string' },
              at: { type: 'string', format: 'date-time' },
              actor: { type: 'object', properties: { label: { type: 'string' }, name: { type: ['string', 'null'] }, id: { type: ['string', 'null'] } }, required: ['label', 'name', 'id'] },
              action: { type: 'string' },
              entityType: { type: 'string' },
              entityId: { type: ['string', 'null'] },
              summary: { description: 'The before/after summary as recorded (JSON, never secrets)' },
              changes: { type: 'array', items: change },
              details: { type: 'array', items: { type: 'object', properties: { key: { type: 'string' }, value: { type: 'string' } }, required: ['key', 'value'] } },
              text: { type: 'string', description: 'changes and details in one line' },
              address: { type: ['string', 'null'], description: 'Client address (admins only)' },
            },
          },
        },
      },
    },
  },
}
