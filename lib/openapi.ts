import { body, common, errorResponse, idempotencyKeyParam, input, ok, output, queryParameters, slugParam, strip } from '@/lib/openapi-helpers'
import { intakeOpenApi } from '@/lib/intake/openapi'
import { outcomesOpenApi } from '@/lib/outcomes/openapi'
import { surveysOpenApi } from '@/lib/surveys/openapi'
import { rolloutOpenApi } from '@/lib/rollout/openapi'
import { modelsOpenApi } from '@/lib/models/openapi'
import { auditOpenApi } from '@/lib/audit/openapi'
import { createModuleSchema, lockSchema, publishSchema, requestChangesSchema, retireSchema, reviewCommentSchema, saveDraftSchema, searchSchema } from '@/lib/training/schemas'
import { draftSavedSchema, errorSchema, trainingListSchema, trainingModuleSchema, workflowResultSchema } from '@/lib/training/api-schemas'

// The OpenAPI 3.1 document of /api/v1, generated from the same zod schemas the handlers validate
// with (z.toJSONSchema): it cannot describe an input the API does not accept.

function workflow(summary: string, ref: string, extra: Record<string, unknown> = {}) {
  return {
    post: {
      summary,
      tags: ['Training'],
      parameters: [slugParam],
      requestBody: body(ref),
      responses: { '200': ok('WorkflowResult'), ...common, '404': errorResponse('No such module'), '409': errorResponse('Someone else changed the module since the given version'), ...extra },
    },
  }
}

const PARTS = [intakeOpenApi, outcomesOpenApi, surveysOpenApi, rolloutOpenApi, modelsOpenApi, auditOpenApi]

/** The POST handlers wrapped by lib/idempotency.ts (app/api/v1/...). */
const IDEMPOTENT_POSTS = ['/api/v1/training', '/api/v1/findings', '/api/v1/surveys/{id}/responses', '/api/v1/incidents']

function withIdempotencyKeys(paths: Record<string, unknown>): Record<string, unknown> {
  // Copies, never mutates: the parts are module-level objects shared by every call.
  for (const path of IDEMPOTENT_POSTS) {
    const entry = paths[path] as { post?: { parameters?: unknown[] } } | undefined
    if (entry?.post) paths[path] = { ...entry, post: { ...entry.post, parameters: [...(entry.post.parameters ?? []), idempotencyKeyParam] } }
  }
  return paths
}

export function buildOpenApiDocument(serverUrl = '/') {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Paceline API',
      version: '1.0.0',
      description:
        'REST API of Paceline. Authenticate with `Authorization: Bearer <token>` (create one with `npm run token -- --email <you>`); a token acts with its owner\'s role. Errors have the shape `{"error":{"code","message","fields"?}}`.',
    },
    servers: [{ url: serverUrl }],
    security: [{ bearer: [] }],
    paths: withIdempotencyKeys({
      '/api/v1/me': {
        get: { summary: 'The token owner', tags: ['Account'], responses: { '200': { description: 'email and role', content: { 'application/json': { schema: { type: 'object', properties: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string', enum: ['ADMIN', 'LEADER', 'EXPERT', 'DEVELOPER'] } }, required: ['email', 'role'] } } } }, '401': errorResponse('No valid API token') } },
      },
      '/api/v1/training': {
        get: { summary: 'Search published training modules', tags: ['Training'], parameters: queryParameters(searchSchema), responses: { '200': ok('TrainingList'), ...common } },
        post: { summary: 'Create a draft module', tags: ['Training'], requestBody: body('CreateModule'), responses: { '201': ok('DraftSaved', 'Created; `version` is the lock version for the next change'), ...common } },
      },
      '/api/v1/training/{slug}': {
        get: { summary: 'The latest published version of a module', tags: ['Training'], parameters: [slugParam], responses: { '200': ok('TrainingModule'), ...common, '404': errorResponse('No such published module') } },
        patch: { summary: 'Update the working draft (optimistic lock: send the version you edited)', tags: ['Training'], parameters: [slugParam], requestBody: body('SaveDraft'), responses: { '200': ok('DraftSaved'), ...common, '404': errorResponse('No such module'), '409': errorResponse('Someone else saved first: error.details lists what changed') } },
      },
      '/api/v1/training/{slug}/versions/{n}': {
        get: { summary: 'One published version', tags: ['Training'], parameters: [slugParam, { name: 'n', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } }], responses: { '200': ok('TrainingModule'), ...common, '404': errorResponse('No such version') } },
      },
      '/api/v1/training/{slug}/submit': workflow('Submit the draft for review', 'Lock'),
      '/api/v1/training/{slug}/approve': workflow('Approve (another expert than the owner or submitter)', 'ReviewComment'),
      '/api/v1/training/{slug}/request-changes': workflow('Send the draft back with a comment', 'RequestChanges'),
      '/api/v1/training/{slug}/publish': workflow('Publish the approved draft as the next immutable version', 'Publish'),
      '/api/v1/training/{slug}/retire': workflow('Retire the module (kept readable, hidden from search)', 'Retire'),
      ...PARTS.reduce((all, part) => ({ ...all, ...part.paths }), {}),
    }),
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: {
        Error: strip(output(errorSchema)),
        TrainingList: strip(output(trainingListSchema)),
        TrainingModule: strip(output(trainingModuleSchema)),
        DraftSaved: strip(output(draftSavedSchema)),
        WorkflowResult: strip(output(workflowResultSchema)),
        CreateModule: strip(input(createModuleSchema)),
        SaveDraft: strip(input(saveDraftSchema)),
        Lock: strip(input(lockSchema)),
        ReviewComment: strip(input(reviewCommentSchema)),
        RequestChanges: strip(input(requestChangesSchema)),
        Publish: strip(input(publishSchema)),
        Retire: strip(input(retireSchema)),
        ...PARTS.reduce((all, part) => ({ ...all, ...part.schemas }), {}),
      },
    },
  }
}
