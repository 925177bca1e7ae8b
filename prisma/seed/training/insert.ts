import { RENDERER_VERSION, renderMarkdown } from '@/lib/training/markdown'
import { sqlTimestamp } from '../calendar'
import type { SeedContext } from '../context'
import { arrayColumn, insertMany, type Column } from '../sql'
import type { ModuleRow, ReviewRow, TrainingRows, ValidationRow, VersionRow } from './build'
import type { CompletionRow, ExtraRows, FlagRow, PathItemRow, PathRow, RatingRow } from './extras'

// Bulk inserts for the training library (unnest, in batches). TrainingModuleVersion."searchVector"
// is left out on purpose: the migration's trigger computes it on insert.

const ts = (d: Date | null) => (d ? sqlTimestamp(d) : null)

const MODULE_COLUMNS: Column<ModuleRow>[] = [
  { name: 'id', type: 'uuid', value: (r) => r.id },
  { name: 'slug', type: 'text', value: (r) => r.slug },
  { name: 'ownerId', type: 'uuid', value: (r) => r.ownerId },
  { name: 'status', type: '"ModuleStatus"', value: (r) => r.status },
  { name: 'title', type: 'text', value: (r) => r.title },
  { name: 'summary', type: 'text', value: (r) => r.summary },
  { name: 'kind', type: '"TrainingKind"', value: (r) => r.kind },
  arrayColumn('tags', 'text', (r: ModuleRow) => r.tags),
  { name: 'audience', type: '"Audience"', value: (r) => r.audience },
  { name: 'estimatedMinutes', type: 'int4', value: (r) => r.estimatedMinutes },
  { name: 'body', type: 'text', value: (r) => r.body },
  arrayColumn('validatedModelIds', 'uuid', (r: ModuleRow) => r.validatedModelIds),
  { name: 'latestVersion', type: 'int4', value: (r) => r.latestVersion },
  { name: 'publishedAt', type: 'timestamp(3)', value: (r) => ts(r.publishedAt) },
  { name: 'lastReviewedAt', type: 'timestamp(3)', value: (r) => ts(r.lastReviewedAt) },
  { name: 'retiredAt', type: 'timestamp(3)', value: (r) => ts(r.retiredAt) },
  { name: 'lastEditedById', type: 'uuid', value: (r) => r.lastEditedById },
  { name: 'submittedById', type: 'uuid', value: (r) => r.submittedById },
  { name: 'version', type: 'int4', value: (r) => r.version },
  { name: 'createdAt', type: 'timestamp(3)', value: (r) => ts(r.createdAt) },
  { name: 'updatedAt', type: 'timestamp(3)', value: (r) => ts(r.updatedAt) },
]

const VERSION_COLUMNS: Column<VersionRow>[] = [
  { name: 'id', type: 'uuid', value: (r) => r.id },
  { name: 'moduleId', type: 'uuid', value: (r) => r.moduleId },
  { name: 'number', type: 'int4', value: (r) => r.number },
  { name: 'title', type: 'text', value: (r) => r.title },
  { name: 'summary', type: 'text', value: (r) => r.summary },
  { name: 'kind', type: '"TrainingKind"', value: (r) => r.kind },
  arrayColumn('tags', 'text', (r: VersionRow) => r.tags),
  { name: 'audience', type: '"Audience"', value: (r) => r.audience },
  { name: 'estimatedMinutes', type: 'int4', value: (r) => r.estimatedMinutes },
  { name: 'body', type: 'text', value: (r) => r.body },
  { name: 'changelog', type: 'text', value: (r) => r.changelog },
  { name: 'publishedById', type: 'uuid', value: (r) => r.publishedById },
  { name: 'publishedAt', type: 'timestamp(3)', value: (r) => ts(r.publishedAt) },
  // The cached sanitised rendering, as publishing stores it: the first read of a seeded version
  // then does not render Markdown inside the request. Rendered while the previous batch is being
  // inserted (runBatches keeps one statement in flight).
  { name: 'html', type: 'text', value: (r) => renderMarkdown(r.body) },
  { name: 'htmlRenderer', type: 'int4', value: () => RENDERER_VERSION },
]

const VALIDATION_COLUMNS: Column<ValidationRow>[] = [
  { name: 'trainingVersionId', type: 'uuid', value: (r) => r.trainingVersionId },
  { name: 'modelVersionId', type: 'uuid', value: (r) => r.modelVersionId },
  { name: 'validatedAt', type: 'timestamp(3)', value: (r) => ts(r.validatedAt) },
]

const REVIEW_COLUMNS: Column<ReviewRow>[] = [
  { name: 'moduleId', type: 'uuid', value: (r) => r.moduleId },
  { name: 'reviewerId', type: 'uuid', value: (r) => r.reviewerId },
  { name: 'decision', type: '"ReviewDecision"', value: (r) => r.decision },
  { name: 'comment', type: 'text', value: (r) => r.comment },
  { name: 'draftVersion', type: 'int4', value: (r) => r.draftVersion },
  { name: 'createdAt', type: 'timestamp(3)', value: (r) => ts(r.createdAt) },
]

const PATH_COLUMNS: Column<PathRow>[] = [
  { name: 'id', type: 'uuid', value: (r) => r.id },
  { name: 'stage', type: '"Stage"', value: (r) => r.stage },
  { name: 'title', type: 'text', value: (r) => r.title },
  { name: 'description', type: 'text', value: (r) => r.description },
  { name: 'version', type: 'int4', value: (r) => r.version },
  { name: 'updatedAt', type: 'timestamp(3)', value: (r) => ts(r.updatedAt) },
]

const ITEM_COLUMNS: Column<PathItemRow>[] = [
  { name: 'pathId', type: 'uuid', value: (r) => r.pathId },
  { name: 'moduleId', type: 'uuid', value: (r) => r.moduleId },
  { name: 'position', type: 'int4', value: (r) => r.position },
]

const COMPLETION_COLUMNS: Column<CompletionRow>[] = [
  { name: 'userId', type: 'uuid', value: (r) => r.userId },
  { name: 'moduleId', type: 'uuid', value: (r) => r.moduleId },
  { name: 'completedAt', type: 'timestamp(3)', value: (r) => ts(r.completedAt) },
]

const RATING_COLUMNS: Column<RatingRow>[] = [
  { name: 'moduleId', type: 'uuid', value: (r) => r.moduleId },
  { name: 'userId', type: 'uuid', value: (r) => r.userId },
  { name: 'helpful', type: 'bool', value: (r) => r.helpful },
  { name: 'comment', type: 'text', value: (r) => r.comment },
  { name: 'updatedAt', type: 'timestamp(3)', value: (r) => ts(r.updatedAt) },
]

const FLAG_COLUMNS: Column<FlagRow>[] = [
  { name: 'moduleId', type: 'uuid', value: (r) => r.moduleId },
  { name: 'reason', type: 'text', value: (r) => r.reason },
  { name: 'raisedById', type: 'uuid', value: (r) => r.raisedById },
  { name: 'moduleVersion', type: 'int4', value: (r) => r.moduleVersion },
  { name: 'resolvedAt', type: 'timestamp(3)', value: (r) => ts(r.resolvedAt) },
  { name: 'resolvedById', type: 'uuid', value: (r) => r.resolvedById },
  { name: 'resolution', type: 'text', value: (r) => r.resolution },
  { name: 'version', type: 'int4', value: (r) => r.version },
  { name: 'createdAt', type: 'timestamp(3)', value: (r) => ts(r.createdAt) },
]

/** Versions carry whole bodies and fire the search trigger: smaller statements keep memory flat. */
const VERSION_BATCH = 2_000

export async function insertTraining(ctx: SeedContext, rows: TrainingRows, extras: ExtraRows): Promise<void> {
  const { db, summary, sizes, progress } = ctx
  const batchSize = sizes.batchSize
  const onBatch = (n: number) => progress.add('training library', n)
  const insert = <R>(table: string, columns: Column<R>[], list: R[], size = batchSize) =>
    insertMany(db, table, columns, list, { batchSize: size, onBatch }).then((r) => r.count)

  summary.trainingModules += await insert('TrainingModule', MODULE_COLUMNS, rows.modules)
  summary.trainingVersions += await insert('TrainingModuleVersion', VERSION_COLUMNS, rows.versions, Math.min(batchSize, VERSION_BATCH))
  summary.trainingValidations += await insert('TrainingValidation', VALIDATION_COLUMNS, rows.validations)
  summary.trainingReviews += await insert('TrainingReview', REVIEW_COLUMNS, rows.reviews)
  summary.learningPaths += await insert('LearningPath', PATH_COLUMNS, extras.paths)
  summary.learningPathItems += await insert('LearningPathItem', ITEM_COLUMNS, extras.items)
  summary.learningCompletions += await insert('LearningCompletion', COMPLETION_COLUMNS, extras.completions)
  summary.trainingRatings += await insert('TrainingRating', RATING_COLUMNS, extras.ratings)
  summary.trainingFlags += await insert('TrainingFlag', FLAG_COLUMNS, extras.flags)
}

/** Rows the training library adds, for the progress total. */
export function trainingRowCount(rows: TrainingRows, extras: ExtraRows): number {
  return rows.modules.length + rows.versions.length + rows.validations.length + rows.reviews.length +
    extras.paths.length + extras.items.length + extras.completions.length + extras.ratings.length + extras.flags.length
}
