import { body, common, errorResponse, input, ok, output, queryParameters, strip, type OpenApiPart } from '@/lib/openapi-helpers'
import { responseRecordedSchema, surveyListSchema, surveyResultsSchema, surveyScheduledSchema } from '@/lib/surveys/api-schemas'
import { answerFieldsSchema, closeSurveySchema, resultsQuerySchema, scheduleSurveySchema, updateSurveySchema } from '@/lib/surveys/schemas'

// The /api/v1 paths and schemas of pulse surveys, merged into /api/v1/openapi.json by lib/openapi.ts.

const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }
const tags = ['Pulse surveys']

export const surveysOpenApi: OpenApiPart = {
  paths: {
    '/api/v1/surveys': {
      get: {
        summary: 'Pulse surveys: the open ones the caller is asked (with "answered"), or every survey for leaders',
        tags,
        responses: { '200': ok('SurveyList'), ...common },
      },
      post: {
        summary: 'Schedule a pulse with the standard questions (surveys.manage)',
        tags,
        requestBody: body('ScheduleSurvey'),
        responses: { '201': ok('SurveyScheduled', 'Scheduled; `version` is the lock version for edits'), ...common },
      },
    },
    '/api/v1/surveys/{id}': {
      patch: {
        summary: 'Edit a pulse that has not opened yet (send the version you edited)',
        tags,
        parameters: [idParam],
        requestBody: body('UpdateSurvey'),
        responses: { '200': ok('SurveyScheduled'), ...common, '404': errorResponse('No such survey'), '409': errorResponse('Someone else changed it since that version') },
      },
    },
    '/api/v1/surveys/{id}/close': {
      post: {
        summary: 'Close a pulse now',
        tags,
        parameters: [idParam],
        requestBody: body('CloseSurvey'),
        responses: { '200': ok('SurveyScheduled'), ...common, '404': errorResponse('No such survey'), '409': errorResponse('Someone else changed it since that version') },
      },
    },
    '/api/v1/surveys/{id}/responses': {
      post: {
        summary: 'Answer a pulse as the token or session owner. Stored without identity; only "has answered" is kept, separately.',
        tags,
        parameters: [idParam],
        requestBody: body('AnswerSurvey'),
        responses: {
          '201': ok('ResponseRecorded'),
          ...common,
          '404': errorResponse('No such survey'),
          '409': errorResponse('The caller has already answered this pulse'),
        },
      },
    },
    '/api/v1/surveys/{id}/results': {
      get: {
        summary: 'Per-question mean and distribution for the whole pulse or a team/cohort/stage filter, with an optional breakdown',
        description:
          'Any group (the filtered one and each breakdown bucket) with fewer than 5 respondents, or whose figures could be subtracted from another visible figure to reveal such a group, is returned as `{"suppressed":true,"reason":"fewer than 5 responses"}`. Comments only for groups of 10 or more.',
        tags,
        parameters: [idParam, ...queryParameters(resultsQuerySchema)],
        responses: { '200': ok('SurveyResults'), ...common, '404': errorResponse('No such survey') },
      },
    },
  },
  schemas: {
    SurveyList: strip(output(surveyListSchema)),
    SurveyScheduled: strip(output(surveyScheduledSchema)),
    SurveyResults: strip(output(surveyResultsSchema)),
    ResponseRecorded: strip(output(responseRecordedSchema)),
    ScheduleSurvey: strip(input(scheduleSurveySchema)),
    UpdateSurvey: strip(input(updateSurveySchema)),
    CloseSurvey: strip(input(closeSurveySchema)),
    AnswerSurvey: strip(input(answerFieldsSchema)),
  },
}
