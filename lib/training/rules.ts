import { ConflictError, ForbiddenError, RuleViolationError } from '@/lib/errors'
import type { ModuleStatus } from '@/lib/training/schemas'

// Pure rules of the training library (no database, no Next.js): unit-tested in tests/unit/training.

export const STALE_AFTER_DAYS = 180
/** Browser-only memory of the reader's last visit to the training home. */
export const TRAINING_SEEN_COOKIE = 'training_seen'

/** A URL-safe, readable slug; `taken` decides whether a candidate is free. */
export function slugify(title: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '')
  return base || 'module'
}

export interface StalenessInput {
  lastReviewedAt: Date | null
  /** Status of each model the latest version was validated on. */
  validatedOn: Array<{ retired: boolean; beingReplaced: boolean }>
  now: Date
}

export type StaleReason = 'not-reviewed' | 'model-retired' | 'model-being-replaced'

/**
 * Stale = not reviewed for 180 days, or validated only on model versions that are retired or being
 * replaced (the `from` model of a planned or running model change). Never-reviewed counts as stale.
 */
export function staleReasons({ lastReviewedAt, validatedOn, now }: StalenessInput): StaleReason[] {
  const reasons: StaleReason[] = []
  if (!lastReviewedAt || now.getTime() - lastReviewedAt.getTime() > STALE_AFTER_DAYS * 86_400_000) reasons.push('not-reviewed')
  if (validatedOn.length > 0 && validatedOn.every((m) => m.retired || m.beingReplaced)) {
    reasons.push(validatedOn.some((m) => m.retired) ? 'model-retired' : 'model-being-replaced')
  }
  return reasons
}

export type WorkflowAction = 'edit' | 'submit' | 'approve' | 'request-changes' | 'publish' | 'retire'

const ALLOWED: Record<WorkflowAction, readonly ModuleStatus[]> = {
  edit: ['DRAFT', 'IN_REVIEW', 'APPROVED', 'PUBLISHED'],
  submit: ['DRAFT'],
  approve: ['IN_REVIEW'],
  'request-changes': ['IN_REVIEW', 'APPROVED'],
  publish: ['APPROVED'],
  retire: ['DRAFT', 'IN_REVIEW', 'APPROVED', 'PUBLISHED'],
}

const WHY_NOT: Record<WorkflowAction, string> = {
  edit: 'A retired module cannot be edited.',
  submit: 'Only a draft can be submitted for review.',
  approve: 'Only a module in review can be approved.',
  'request-changes': 'Changes can be requested only while a module is in review or approved.',
  publish: 'A module is published only after another expert approved it.',
  retire: 'This module is already retired.',
}

export function assertTransition(status: ModuleStatus, action: WorkflowAction): void {
  if (!ALLOWED[action].includes(status)) throw new RuleViolationError(WHY_NOT[action])
}

/** The status after an edit: any change sends an approval or review back to draft. */
export function statusAfterEdit(status: ModuleStatus): ModuleStatus {
  return status === 'RETIRED' ? status : 'DRAFT'
}

/** No self-approval: the owner and whoever submitted the draft cannot approve it. */
export function assertMayApprove(reviewerId: string, module: { ownerId: string; submittedById: string | null; lastEditedById: string | null }) {
  if (reviewerId === module.ownerId || reviewerId === module.submittedById || reviewerId === module.lastEditedById) {
    throw new ForbiddenError('You cannot approve your own work: another expert has to review it.')
  }
}

/** Compare-and-set failed: say so with what the other person changed. */
export function conflict(changedFields: string[]): ConflictError {
  const what = changedFields.length ? ` They changed: ${changedFields.join(', ')}.` : ''
  return new ConflictError(`Someone else saved this module since you opened it.${what} Your text is kept below; copy what you need, reload and apply it again.`)
}

/** Whole, latin-or-any-script words for a prefix tsquery; nothing else reaches to_tsquery. */
export function prefixTsQuery(q: string): string | null {
  const words = q.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []
  const picked = words.slice(0, 8).map((w) => w.slice(0, 40))
  if (picked.length === 0) return null
  return picked.map((w) => `${w}:*`).join(' & ')
}
