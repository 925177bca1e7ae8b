import type { Metadata } from 'next'
import Link from 'next/link'
import { requirePageUser } from '@/lib/auth/guard'
import { can } from '@/lib/auth/permissions'
import { audienceLabel, listGroupOptions, listSurveys } from '@/lib/surveys/queries'
import { SECTIONS } from '@/components/shell/sections'
import { buttonClasses } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { PageHeader } from '@/components/ui/page-header'
import { SurveyStatusBadge, formatWindow } from '@/components/surveys/status'
import { CloseSurveyForm } from '@/components/surveys/close-survey-form'

export const metadata: Metadata = { title: 'Pulse surveys' }

const section = SECTIONS.surveys

export default async function SurveysPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requirePageUser('surveys.answer', section.href)
  const params = await searchParams
  const manager = can(user, 'surveys.manage')
  const viewer = can(user, 'outcomes.view')
  const [{ items }, options] = await Promise.all([listSurveys(user), manager || viewer ? listGroupOptions(user) : null])
  const forMe = items.filter((s) => s.status === 'OPEN' && s.asked)

  return (
    <div className="space-y-10">
      <PageHeader title="Pulse surveys" description={section.summary} icon={<section.Icon className="size-5" />} />
      <p role="status" className="text-sm text-fg-muted empty:hidden">
        {params.scheduled ? 'The pulse is scheduled.' : params.closed ? 'The pulse is closed.' : ''}
      </p>

      <section aria-labelledby="open-heading" className="space-y-3">
        <h2 id="open-heading" className="text-base font-semibold text-fg">
          Open for you
        </h2>
        {forMe.length === 0 ? (
          <EmptyState headingLevel={3} title={section.emptyTitle}>
            <p>{section.emptyBody}</p>
          </EmptyState>
        ) : (
          <ul className="grid gap-3 sm:grid-cols-2">
            {forMe.map((s) => (
              <li key={s.id} className="flex flex-col gap-3 rounded-xl border border-line bg-surface p-5">
                <div>
                  <h3 className="font-semibold text-fg">{s.title}</h3>
                  <p className="mt-1 text-sm text-fg-muted">Open until {formatWindow(s.closesAt)} · 4 questions, about a minute</p>
                </div>
                {s.answered ? (
                  <p className="text-sm text-fg">
                    <span aria-hidden="true">✓ </span>You have answered. Thank you.
                  </p>
                ) : (
                  <Link href={`/surveys/${s.id}`} className={buttonClasses({ className: 'self-start' })}>
                    Answer now<span className="sr-only"> for “{s.title}”</span>
                  </Link>
                )}
              </li>
            ))}
          </ul>
        )}
        <p className="max-w-2xl text-sm text-fg-muted">
          Your answers are stored without your name. Paceline only keeps that you have answered, separately, so that nobody answers twice. Results are shown only for groups of five or more people.
        </p>
      </section>

      {manager || viewer ? (
        <section aria-labelledby="all-heading" className="space-y-3">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h2 id="all-heading" className="text-base font-semibold text-fg">
              All pulses
            </h2>
            {manager ? (
              <Link href="/surveys/new" className={buttonClasses()}>
                Schedule a pulse
              </Link>
            ) : null}
          </div>
          {items.length === 0 ? (
            <EmptyState headingLevel={3} title="No pulse yet">
              <p>Schedule the first pulse: four questions on satisfaction, the tools, learning time and workload.</p>
            </EmptyState>
          ) : (
            <ul className="divide-y divide-line rounded-xl border border-line bg-surface">
              {items.map((s) => (
                <li key={s.id} className="flex flex-col gap-3 p-4 sm:flex-row sm:items-center sm:justify-between">
                  <div className="min-w-0">
                    <div className="flex flex-wrap items-center gap-2">
                      <h3 className="font-medium text-fg">{s.title}</h3>
                      <SurveyStatusBadge status={s.status} />
                    </div>
                    <p className="mt-1 text-sm text-fg-muted">
                      {formatWindow(s.opensAt)} – {formatWindow(s.closesAt)} · {options ? audienceLabel(s.audience, options) : null}
                      {s.source !== 'portal' ? ` · imported (${s.source})` : ''}
                      {viewer ? ` · ${s.respondents === null ? 'fewer than 5 responses' : `${s.respondents} responses`}` : ''}
                    </p>
                  </div>
                  <div className="flex flex-wrap items-center gap-2">
                    {viewer && s.status !== 'SCHEDULED' ? (
                      <Link href={`/surveys/${s.id}/results`} className={buttonClasses({ variant: 'secondary', size: 'sm' })} aria-label={`Results of “${s.title}”`}>
                        Results
                      </Link>
                    ) : null}
                    {manager && s.status === 'SCHEDULED' && s.source === 'portal' ? (
                      <Link href={`/surveys/${s.id}/edit`} className={buttonClasses({ variant: 'secondary', size: 'sm' })} aria-label={`Edit “${s.title}”`}>
                        Edit
                      </Link>
                    ) : null}
                    {manager && s.status !== 'CLOSED' ? <CloseSurveyForm id={s.id} version={s.version} title={s.title} /> : null}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
    </div>
  )
}
