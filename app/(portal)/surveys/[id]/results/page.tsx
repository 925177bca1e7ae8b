import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { requirePageUser } from '@/lib/auth/guard'
import { isAppError } from '@/lib/errors'
import { MIN_RESPONDENTS, NOT_ENOUGH_RESPONSES } from '@/lib/outcomes/rules'
import { listGroupOptions } from '@/lib/surveys/queries'
import { getSurveyResults, type SurveyResultsView } from '@/lib/surveys/results'
import { STAGE_LABELS, STAGES } from '@/lib/surveys/rules'
import { BREAKDOWNS } from '@/lib/surveys/schemas'
import { buttonClasses } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { PageHeader } from '@/components/ui/page-header'
import { LockIcon } from '@/components/ui/icons'
import { selectSmClasses } from '@/components/training/form-controls'
import { BreakdownTable } from '@/components/surveys/breakdown-table'
import { SurveyBreadcrumbs } from '@/components/surveys/breadcrumbs'
import { DistributionChart } from '@/components/surveys/distribution-chart'
import { SurveyStatusBadge, formatWindow } from '@/components/surveys/status'

export const metadata: Metadata = { title: 'Pulse results' }

type Params = Record<string, string | string[] | undefined>
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined
const BREAKDOWN_LABELS = { team: 'Team', cohort: 'Cohort', stage: 'Stage' } as const

function Select({ id, name, label, value, options }: { id: string; name: string; label: string; value?: string; options: Array<{ value: string; label: string }> }) {
  return (
    <div className="min-w-0">
      <label htmlFor={id} className="block text-xs font-medium text-fg-muted">
        {label}
      </label>
      <select id={id} name={name} defaultValue={value ?? ''} className={`mt-1 ${selectSmClasses}`}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  )
}

export default async function ResultsPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Params> }) {
  const { id } = await params
  const sp = await searchParams
  const user = await requirePageUser('outcomes.view', `/surveys/${id}/results`)
  const query = { team: one(sp.team), cohort: one(sp.cohort), stage: one(sp.stage), breakdown: one(sp.breakdown) }
  let view: SurveyResultsView | null = null
  let problem: string | null = null
  try {
    view = await getSurveyResults(user, id, query as never)
  } catch (err) {
    if (isAppError(err) && err.code === 'NOT_FOUND') notFound()
    if (isAppError(err) && err.code === 'INVALID_INPUT') problem = `${err.message} ${Object.values(err.fieldErrors ?? {}).flat().join(' ')}`
    else throw err
  }
  const options = await listGroupOptions(user)
  if (!view) {
    return (
      <div className="space-y-6">
        <SurveyBreadcrumbs items={[{ label: 'Results' }]} />
        <EmptyState title="These filters name nothing that exists">
          <p>{problem}</p>
          <p>
            <Link href={`/surveys/${id}/results`} className="text-accent-text underline underline-offset-2">
              Show the whole pulse
            </Link>
          </p>
        </EmptyState>
      </div>
    )
  }
  const { survey, result, comments, breakdown, filter } = view
  const filterLabel = [filter.team?.name, filter.cohort?.name, filter.stage ? STAGE_LABELS[filter.stage] : null].filter(Boolean).join(' · ') || 'Everyone who answered'
  const slug = survey.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')
  const base = `${slug}${filter.team ? `-${filter.team.name}` : ''}${filter.cohort ? `-${filter.cohort.name}` : ''}${filter.stage ? `-${filter.stage.toLowerCase()}` : ''}`
  const scaleQuestions = result.suppressed ? [] : result.questions

  return (
    <div className="space-y-8">
      <div className="space-y-3">
        <SurveyBreadcrumbs items={[{ label: survey.title }, { label: 'Results' }]} />
        <PageHeader
          title={`Results: ${survey.title}`}
          description={
            <>
              <SurveyStatusBadge status={survey.status} /> {formatWindow(survey.opensAt)} – {formatWindow(survey.closesAt)}. Figures appear only for groups of at least {MIN_RESPONDENTS} respondents, and never
              where two figures could be subtracted to reveal a smaller group. There is no per-person view.
            </>
          }
        />
      </div>

      <form method="get" aria-label="Filter results" className="flex flex-wrap items-end gap-3 rounded-xl border border-line bg-surface p-4">
        <Select id="f-team" name="team" label="Team" value={query.team} options={[{ value: '', label: 'All teams' }, ...options.teams.map((t) => ({ value: t.slug, label: t.name }))]} />
        <Select id="f-cohort" name="cohort" label="Cohort" value={query.cohort} options={[{ value: '', label: 'All cohorts' }, ...options.cohorts.map((c) => ({ value: c.id, label: c.name }))]} />
        <Select id="f-stage" name="stage" label="Stage" value={query.stage?.toUpperCase()} options={[{ value: '', label: 'All stages' }, ...STAGES.map((s) => ({ value: s, label: STAGE_LABELS[s] }))]} />
        <Select id="f-breakdown" name="breakdown" label="Break down by" value={query.breakdown} options={[{ value: '', label: 'No breakdown' }, ...BREAKDOWNS.map((b) => ({ value: b, label: BREAKDOWN_LABELS[b] }))]} />
        <button type="submit" className={buttonClasses({ size: 'sm', className: 'h-9' })}>
          Apply
        </button>
        <Link href={`/surveys/${survey.id}/results`} className={buttonClasses({ variant: 'ghost', size: 'sm', className: 'h-9' })}>
          Clear
        </Link>
      </form>

      <section aria-labelledby="figures-heading" className="space-y-4">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="figures-heading" className="text-base font-semibold text-fg">
            {filterLabel}
          </h2>
          {!result.suppressed ? (
            <p className="text-sm text-fg-muted">
              {result.respondents} respondents{result.responseRate !== null ? ` · response rate ${result.responseRate} %` : ''}
            </p>
          ) : null}
        </div>
        {result.suppressed ? (
          <EmptyState headingLevel={3} title={NOT_ENOUGH_RESPONSES} icon={<LockIcon className="size-5" />}>
            <p>
              {`Either this group has fewer than ${MIN_RESPONDENTS} respondents${survey.status === 'OPEN' ? ' so far' : ''}, or its figures could be subtracted from another figure to reveal a smaller group. Try a wider filter.`}
            </p>
          </EmptyState>
        ) : (
          <div className="grid gap-4 lg:grid-cols-2">
            {result.questions.map((q) => (
              <DistributionChart key={q.key} question={q} filename={base} />
            ))}
          </div>
        )}
      </section>

      {breakdown && !result.suppressed ? (
        <section aria-labelledby="breakdown-heading" className="space-y-3">
          <h2 id="breakdown-heading" className="text-base font-semibold text-fg">
            By {BREAKDOWN_LABELS[breakdown.by].toLowerCase()}
          </h2>
          <BreakdownTable by={BREAKDOWN_LABELS[breakdown.by]} buckets={breakdown.buckets} questions={scaleQuestions} filename={`${base}-by-${breakdown.by}`} />
        </section>
      ) : null}

      {comments ? (
        <section aria-labelledby="comments-heading" className="space-y-3">
          <h2 id="comments-heading" className="text-base font-semibold text-fg">
            Comments
          </h2>
          {!comments.visible ? (
            <p className="text-sm text-fg-muted">{comments.message}</p>
          ) : comments.items.length === 0 ? (
            <p className="text-sm text-fg-muted">Nobody in this group left a comment.</p>
          ) : (
            <>
              <p className="text-sm text-fg-muted">In random order, {comments.items.length} comments.</p>
              <ul className="space-y-2">
                {comments.items.map((c, i) => (
                  <li key={i} className="rounded-lg border border-line bg-surface px-4 py-3 text-sm whitespace-pre-line text-fg">
                    {c}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      ) : null}
    </div>
  )
}
