import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { requirePageUser } from '@/lib/auth/guard'
import { isAppError } from '@/lib/errors'
import { getSurveyForEdit, listGroupOptions } from '@/lib/surveys/queries'
import { STAGE_LABELS } from '@/lib/surveys/rules'
import { EmptyState } from '@/components/ui/empty-state'
import { PageHeader } from '@/components/ui/page-header'
import { SurveyBreadcrumbs } from '@/components/surveys/breadcrumbs'
import { CloseSurveyForm } from '@/components/surveys/close-survey-form'
import { SurveyForm } from '@/components/surveys/survey-form'

export const metadata: Metadata = { title: 'Edit a pulse' }

export default async function EditSurveyPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const user = await requirePageUser('surveys.manage', `/surveys/${id}/edit`)
  const [survey, options] = await Promise.all([
    getSurveyForEdit(user, id).catch((err) => {
      if (isAppError(err) && err.code === 'NOT_FOUND') notFound()
      throw err
    }),
    listGroupOptions(user),
  ])
  return (
    <div className="mx-auto max-w-4xl space-y-8">
      <div className="space-y-3">
        <SurveyBreadcrumbs items={[{ label: survey.title }, { label: 'Edit' }]} />
        <PageHeader title={`Edit “${survey.title}”`} description="A pulse can be changed until it opens. After that it can only be closed." />
      </div>
      {survey.status !== 'SCHEDULED' || survey.source !== 'portal' ? (
        <EmptyState title={survey.status === 'CLOSED' ? 'This pulse is closed' : 'This pulse is open and can no longer be changed'}>
          <p>Changing questions or the audience while people answer would mix answers to different surveys.</p>
        </EmptyState>
      ) : (
        <>
          <SurveyForm
            mode="edit"
            values={survey}
            teams={options.teams.map((t) => ({ id: t.id, name: t.name }))}
            cohorts={options.cohorts.map((c) => ({ id: c.id, name: c.name, hint: STAGE_LABELS[c.stage] }))}
          />
          <section aria-labelledby="cancel-heading" className="space-y-2 border-t border-line pt-6">
            <h2 id="cancel-heading" className="text-base font-semibold text-fg">
              Close without running it
            </h2>
            <CloseSurveyForm id={survey.id} version={survey.version} title={survey.title} />
          </section>
        </>
      )}
    </div>
  )
}
