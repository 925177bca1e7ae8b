import { z } from 'zod'
import { body, common, errorResponse, input, strip, type OpenApiPart } from '@/lib/openapi-helpers'
import { advanceChangeSchema, assignModelSchema, cancelChangeSchema, confirmChangeSchema, createModelSchema, createSkillSchema, recordChangeSchema, recordValidationSchema, resolveTaskSchema, rollbackChangeSchema, updateModelSchema, updateSkillSchema, updateTaskSchema } from '@/lib/models/schemas'
import { markReadSchema } from '@/lib/notifications/mutations-schema'
import { createWebhookSchema, updateWebhookSchema } from '@/lib/webhooks/schemas'

// The /api/v1 paths and schemas of this domain, merged into /api/v1/openapi.json by lib/openapi.ts.

const okJson = (description = 'OK') => ({ description, content: { 'application/json': { schema: { type: 'object' } } } })
const conflict = errorResponse('Conflict: stale version, same model, a model no cohort uses, or an overlapping open change')
const notFound = errorResponse('Not found')
const id = (name = 'id') => ({ name, in: 'path', required: true, schema: { type: 'string', format: 'uuid' } })
const slug = { name: 'slug', in: 'path', required: true, schema: { type: 'string' } }
const s = (schema: z.ZodType) => strip(input(schema))

export const modelsOpenApi: OpenApiPart = {
  paths: {
    '/api/v1/models': {
      get: { tags: ['Models'], summary: 'Model versions with status and which cohorts/teams use them (default/allowed)', responses: { '200': okJson(), ...common } },
      post: { tags: ['Models'], summary: 'Register a model version (exact dated snapshot); models.manage', requestBody: body('CreateModelVersion'), responses: { '201': okJson('Created'), '409': conflict, ...common } },
    },
    '/api/v1/models/{id}': {
      get: { tags: ['Models'], summary: 'One model version', parameters: [id()], responses: { '200': okJson(), '404': notFound, ...common } },
      patch: { tags: ['Models'], summary: 'Change label or status (optimistic lock `version`)', parameters: [id()], requestBody: body('UpdateModelVersion'), responses: { '200': okJson(), '409': conflict, ...common } },
    },
    '/api/v1/models/assignments': { post: { tags: ['Models'], summary: 'Make a model a cohort\'s or team\'s default or allowed model', requestBody: body('AssignModel'), responses: { '201': okJson('Created'), ...common } } },
    '/api/v1/models/assignments/{id}': { delete: { tags: ['Models'], summary: 'Remove an assignment', parameters: [id()], responses: { '200': okJson(), ...common } } },
    '/api/v1/models/usage': {
      get: { tags: ['Models'], summary: 'Model use per team and day (team totals, teams of 5+ people)', parameters: [{ name: 'days', in: 'query', schema: { type: 'integer' } }], responses: { '200': okJson(), ...common } },
      post: { tags: ['Models'], summary: 'Import a GitHub Copilot usage-metrics NDJSON report (raw body); user ids and logins are dropped', parameters: [{ name: 'team', in: 'query', schema: { type: 'string' }, description: 'Team slug for organisation day totals' }], requestBody: { required: true, content: { 'application/x-ndjson': { schema: { type: 'string' } } } }, responses: { '200': okJson('Imported; proposals listed'), ...common } },
    },
    '/api/v1/skills': {
      get: { tags: ['Skills'], summary: 'The skills & prompt library', parameters: [{ name: 'q', in: 'query', schema: { type: 'string' } }, { name: 'tag', in: 'query', schema: { type: 'string' } }], responses: { '200': okJson(), ...common } },
      post: { tags: ['Skills'], summary: 'Register a skill, prompt or agent instructions', requestBody: body('CreateSkill'), responses: { '201': okJson('Created'), ...common } },
    },
    '/api/v1/skills/{slug}': {
      get: { tags: ['Skills'], summary: 'A skill with its validation records and a side-by-side comparison per model', parameters: [slug], responses: { '200': okJson(), '404': notFound, ...common } },
      patch: { tags: ['Skills'], summary: 'Edit a skill (new text = new revision)', parameters: [slug], requestBody: body('UpdateSkill'), responses: { '200': okJson(), '409': conflict, ...common } },
    },
    '/api/v1/skills/{slug}/validations': {
      get: { tags: ['Validations'], summary: 'Validation records of a skill', parameters: [slug], responses: { '200': okJson(), ...common } },
      post: { tags: ['Validations'], summary: 'Record a validation on an exact snapshot', parameters: [slug], requestBody: body('RecordValidation'), responses: { '201': okJson('Created'), ...common } },
    },
    '/api/v1/skills/{slug}/promptfoo': {
      post: { tags: ['Validations'], summary: 'Attach a promptfoo results.json (versions 2 and 3) as validation records per model', parameters: [slug], requestBody: { required: true, content: { 'application/json': { schema: { type: 'object' } } } }, responses: { '201': okJson('Imported, with row errors for unknown snapshots'), ...common } },
    },
    '/api/v1/validations': {
      get: { tags: ['Validations'], summary: 'Validation records of a skill (?skill=<slug>)', parameters: [{ name: 'skill', in: 'query', required: true, schema: { type: 'string' } }], responses: { '200': okJson(), ...common } },
      post: { tags: ['Validations'], summary: 'Record a validation ({ skill, modelVersionId, result, notes, validatedOn })', requestBody: body('RecordValidation'), responses: { '201': okJson('Created'), ...common } },
    },
    '/api/v1/changes': {
      get: { tags: ['Model changes'], summary: 'Feed of model changes with stage and progress', parameters: [{ name: 'status', in: 'query', schema: { type: 'string' } }], responses: { '200': okJson(), ...common } },
      post: { tags: ['Model changes'], summary: 'Record a model change (breaking change: flags items, creates tasks, notifies)', requestBody: body('RecordModelChange'), responses: { '201': okJson('Created, with flagged items'), '409': conflict, ...common } },
    },
    '/api/v1/changes/{id}': { get: { tags: ['Model changes'], summary: 'A change with tasks, gates and the incident trend of switched cohorts', parameters: [id()], responses: { '200': okJson(), '404': notFound, ...common } } },
    '/api/v1/changes/{id}/advance': { post: { tags: ['Model changes'], summary: 'Next stage (gated) or complete', parameters: [id()], requestBody: body('AdvanceModelChange'), responses: { '200': okJson(), '409': conflict, ...common } } },
    '/api/v1/changes/{id}/rollback': { post: { tags: ['Model changes'], summary: 'Roll back: cohorts return to their previous default, open tasks close as not needed', parameters: [id()], requestBody: body('RollbackModelChange'), responses: { '200': okJson(), '409': conflict, ...common } } },
    '/api/v1/changes/{id}/confirm': { post: { tags: ['Model changes'], summary: 'Confirm a proposed change (leaders)', parameters: [id()], requestBody: body('ConfirmModelChange'), responses: { '200': okJson(), '409': conflict, ...common } } },
    '/api/v1/changes/{id}/cancel': { post: { tags: ['Model changes'], summary: 'Cancel a proposed or planned change', parameters: [id()], requestBody: body('CancelModelChange'), responses: { '200': okJson(), '409': conflict, ...common } } },
    '/api/v1/tasks': { get: { tags: ['Tasks'], summary: 'Re-validation tasks (?changeId, ?mine=true, ?status)', responses: { '200': okJson(), ...common } } },
    '/api/v1/tasks/{id}': {
      get: { tags: ['Tasks'], summary: 'One re-validation task', parameters: [id()], responses: { '200': okJson(), '404': notFound, ...common } },
      patch: { tags: ['Tasks'], summary: 'Due date / notes (owner or leader; optimistic lock)', parameters: [id()], requestBody: body('UpdateTask'), responses: { '200': okJson(), '409': conflict, ...common } },
    },
    '/api/v1/tasks/{id}/resolve': { post: { tags: ['Tasks'], summary: 'Keep as is / update / retire (owner or leader)', parameters: [id()], requestBody: body('ResolveTask'), responses: { '200': okJson(), '409': conflict, ...common } } },
    '/api/v1/notifications': { get: { tags: ['Notifications'], summary: 'My notifications and unread count', responses: { '200': okJson(), ...common } } },
    '/api/v1/notifications/read': { post: { tags: ['Notifications'], summary: 'Mark my notifications read', requestBody: body('MarkNotificationsRead'), responses: { '200': okJson(), ...common } } },
    '/api/v1/webhooks': {
      get: { tags: ['Webhooks'], summary: 'Outgoing webhooks (admins; secrets never returned)', responses: { '200': okJson(), ...common } },
      post: { tags: ['Webhooks'], summary: 'Add a webhook (http(s) URL + secret for the HMAC-SHA256 signature)', requestBody: body('CreateWebhook'), responses: { '201': okJson('Created'), ...common } },
    },
    '/api/v1/webhooks/{id}': {
      patch: { tags: ['Webhooks'], summary: 'Edit a webhook', parameters: [id()], requestBody: body('UpdateWebhook'), responses: { '200': okJson(), '409': conflict, ...common } },
      delete: { tags: ['Webhooks'], summary: 'Delete a webhook and its log', parameters: [id()], responses: { '200': okJson(), ...common } },
      post: { tags: ['Webhooks'], summary: 'Send a test delivery', parameters: [id()], responses: { '202': okJson('Queued'), ...common } },
    },
    '/api/v1/webhooks/deliveries': { get: { tags: ['Webhooks'], summary: 'Delivery log (status, attempts, last error)', responses: { '200': okJson(), ...common } } },
  },
  schemas: {
    CreateModelVersion: s(createModelSchema),
    UpdateModelVersion: s(updateModelSchema),
    AssignModel: s(assignModelSchema),
    CreateSkill: s(createSkillSchema),
    UpdateSkill: s(updateSkillSchema),
    RecordValidation: s(recordValidationSchema),
    RecordModelChange: s(recordChangeSchema),
    AdvanceModelChange: s(advanceChangeSchema),
    RollbackModelChange: s(rollbackChangeSchema),
    ConfirmModelChange: s(confirmChangeSchema),
    CancelModelChange: s(cancelChangeSchema),
    ResolveTask: s(resolveTaskSchema),
    UpdateTask: s(updateTaskSchema),
    MarkNotificationsRead: s(markReadSchema),
    CreateWebhook: s(createWebhookSchema),
    UpdateWebhook: s(updateWebhookSchema),
  },
}
