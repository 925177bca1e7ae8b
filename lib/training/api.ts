import 'server-only'
import type { SessionUser } from '@/lib/auth/session'
import { getModuleVersion, searchTraining } from '@/lib/training/queries'
import { approveModule, publishModule, requestChanges, retireModule, submitForReview } from '@/lib/training/mutations'
import type { z } from 'zod'
import type { trainingListSchema, trainingModuleSchema } from '@/lib/training/api-schemas'

// DTOs of the REST API (the pages use the query results directly).

export async function listForApi(user: SessionUser, params: Record<string, string>): Promise<z.infer<typeof trainingListSchema>> {
  const r = await searchTraining(user, params)
  return {
    items: r.items.map(({ audience, ...i }) => ({ ...i, stage: audience })),
    total: r.total,
    page: r.page,
    pageSize: r.pageSize,
  }
}

export async function moduleForApi(user: SessionUser, slug: string, number?: number): Promise<z.infer<typeof trainingModuleSchema>> {
  const m = await getModuleVersion(user, slug, number)
  return {
    slug: m.slug,
    title: m.title,
    summary: m.summary,
    kind: m.kind,
    stage: m.audience,
    tags: m.tags,
    estimatedMinutes: m.estimatedMinutes,
    version: m.version,
    latestVersion: m.latestVersion,
    body: m.body,
    html: m.html,
    changelog: m.changelog,
    publishedAt: m.publishedAt,
    publishedBy: m.publishedBy,
    owner: m.owner,
    status: m.status,
    retired: m.retired,
    lastReviewedAt: m.lastReviewedAt,
    stale: m.stale,
    validatedOn: m.validatedOn,
    versions: m.versions,
  }
}

/** The workflow steps the API exposes as POST /api/v1/training/{slug}/{action}. */
export const WORKFLOW_ACTIONS = {
  submit: submitForReview,
  approve: approveModule,
  'request-changes': requestChanges,
  publish: publishModule,
  retire: retireModule,
} as const
export type WorkflowActionName = keyof typeof WORKFLOW_ACTIONS
