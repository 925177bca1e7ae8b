import type { Metadata } from 'next'
import Link from 'next/link'
import { cookies } from 'next/headers'
import { requirePageUser } from '@/lib/auth/guard'
import { can } from '@/lib/auth/permissions'
import { getLearningPaths, newAndUpdatedSince, searchTraining } from '@/lib/training/queries'
import { TRAINING_SEEN_COOKIE } from '@/lib/training/rules'
import { SECTIONS } from '@/components/shell/sections'
import { buttonClasses } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { PageHeader } from '@/components/ui/page-header'
import { plural } from '@/components/training/format'
import { PencilIcon } from '@/components/training/icons'
import { LearningPaths } from '@/components/training/learning-paths'
import { MarkTrainingSeen } from '@/components/training/mark-seen'
import { NewSinceLastVisit } from '@/components/training/new-since'
import { ResultList } from '@/components/training/result-list'
import { TrainingSearchForm } from '@/components/training/search-form'
import { isFiltered, parseTrainingSearch, trainingSearchHref, type RawParams } from '@/components/training/search-url'

export const metadata: Metadata = { title: 'Training' }

const section = SECTIONS.training
const PAGE_SIZE = 20

function lastVisit(value: string | undefined): Date | null {
  if (!value) return null
  const d = new Date(value)
  return Number.isNaN(d.getTime()) ? null : d
}

export default async function TrainingPage({ searchParams }: { searchParams: Promise<RawParams> }) {
  const user = await requirePageUser('training.view', section.href)
  const search = parseTrainingSearch(await searchParams)
  const filtered = isFiltered(search)
  const isAuthor = can(user, 'training.author')

  const since = lastVisit((await cookies()).get(TRAINING_SEEN_COOKIE)?.value)
  const [result, fresh, paths] = await Promise.all([
    searchTraining(user, { ...search, pageSize: PAGE_SIZE }),
    filtered ? null : newAndUpdatedSince(user, since, 6),
    filtered ? null : getLearningPaths(user),
  ])
  const pageCount = Math.max(1, Math.ceil(result.total / PAGE_SIZE))
  const tagHref = (tag: string) => trainingSearchHref(search, { tag })

  const results = (
    <section aria-labelledby="results" className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h2 id="results" className="text-base font-semibold text-fg">
          {filtered ? 'Results' : 'All modules'}
        </h2>
        <p className="text-sm text-fg-muted">
          {plural(result.total, 'module')}
          {search.q ? <> match “{search.q}”</> : null}
          {search.tag ? <> tagged “{search.tag}”</> : null}
        </p>
      </div>
      {result.items.length === 0 ? (
        <EmptyState headingLevel={3} title={search.q ? `No module matches “${search.q}”` : 'No module matches these filters'}>
          <p>
            Try fewer or different words, another filter, or include retired modules.{' '}
            <Link href="/training" className="text-accent-text underline underline-offset-2">
              Clear the search
            </Link>
            .
          </p>
        </EmptyState>
      ) : (
        <ResultList items={result.items} tagHref={tagHref} />
      )}
      {pageCount > 1 ? (
        <nav aria-label="Pages of results" className="flex items-center justify-between gap-3 text-sm text-fg-muted">
          <span>
            Page {Math.min(result.page, pageCount)} of {pageCount}
          </span>
          <span className="flex gap-2">
            {result.page > 1 ? (
              <Link className={buttonClasses({ variant: 'secondary', size: 'sm' })} href={trainingSearchHref(search, { page: result.page - 1 })}>
                Previous
              </Link>
            ) : null}
            {result.page < pageCount ? (
              <Link className={buttonClasses({ variant: 'secondary', size: 'sm' })} href={trainingSearchHref(search, { page: result.page + 1 })}>
                Next
              </Link>
            ) : null}
          </span>
        </nav>
      ) : null}
    </section>
  )

  return (
    <div className="space-y-8">
      <div className="flex flex-col gap-4 border-b border-line pb-6 lg:flex-row lg:items-end lg:justify-between [&>header]:border-0 [&>header]:pb-0">
        <PageHeader title="Training" description={section.summary} icon={<section.Icon className="size-5" />} />
        {isAuthor || can(user, 'outcomes.view') ? (
          <nav aria-label="Training tools" className="flex shrink-0 flex-wrap gap-2">
            {isAuthor ? (
              <>
                <Link href="/training/new" className={buttonClasses({ size: 'sm' })}>
                  <PencilIcon className="size-4" />
                  Write a module
                </Link>
                <Link href="/training/workspace" className={buttonClasses({ variant: 'secondary', size: 'sm' })}>
                  Your workspace
                </Link>
              </>
            ) : null}
            {can(user, 'outcomes.view') ? (
              <Link href="/training/completion" className={buttonClasses({ variant: 'secondary', size: 'sm' })}>
                Completion by team
              </Link>
            ) : null}
          </nav>
        ) : null}
      </div>

      <TrainingSearchForm search={search} />

      {filtered ? (
        results
      ) : (
        <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_20rem] lg:grid-rows-[auto_1fr]">
          <div className="lg:col-start-1">
            <MarkTrainingSeen>
              <NewSinceLastVisit items={fresh ?? []} since={since} />
            </MarkTrainingSeen>
          </div>
          <div className="lg:col-start-2 lg:row-span-2 lg:row-start-1">
            <LearningPaths paths={paths ?? []} editHref={isAuthor ? '/training/paths' : undefined} />
          </div>
          <div className="lg:col-start-1">{results}</div>
        </div>
      )}
    </div>
  )
}
