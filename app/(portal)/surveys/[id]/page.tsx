import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { requirePageUser } from '@/lib/auth/guard'
import { isAppError } from '@/lib/errors'
import { getSurveyForAnswer } from '@/lib/surveys/queries'
import { EmptyState } from '@/components/ui/empty-state'
import { PageHeader } from '@/components/ui/page-header'
import { AnswerForm } from '@/components/surveys/answer-form'
import { SurveyBreadcrumbs } from '@/components/surveys/breadcrumbs'
import { formatWindow } from '@/components/surveys/status'

export const metadata: Metadata = { title: 'Answer a pulse' }

export default async function AnswerPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const user = await requirePageUser('surveys.answer', `/surveys/${id}`)
  const survey = await getSurveyForAnswer(user, id).catch((err) => {
    if (isAppError(err) && err.code === 'NOT_FOUND') notFound()
    throw err
  })

  let body
  if (survey.answered) {
    body = (
      <EmptyState title="You have answered this pulse">
        <p>Thank you. Each person answers once; because your answer is stored without your name, it cannot be changed.</p>
      </EmptyState>
    )
  } else if (survey.status !== 'OPEN') {
    body = (
      <EmptyState title={survey.status === 'SCHEDULED' ? 'This pulse has not opened yet' : 'This pulse has closed'}>
        <p>{survey.status === 'SCHEDULED' ? `It opens ${formatWindow(survey.opensAt)}.` : 'Answers are no longer accepted.'}</p>
      </EmptyState>
    )
  } else if (!survey.asked) {
    body = (
      <EmptyState title="This pulse is for other teams">
        <p>It asks a different stage, cohort or team. Pulses for you appear on the Pulse surveys page.</p>
      </EmptyState>
    )
  } else {
    body = <AnswerForm surveyId={survey.id} questions={survey.questions} />
  }

  return (
    <div className="mx-auto max-w-3xl space-y-8">
      <div className="space-y-3">
        <SurveyBreadcrumbs items={[{ label: survey.title }]} />
        <PageHeader
          title={survey.title}
          description={`Open until ${formatWindow(survey.closesAt)}. Your answer is stored without your name; only that you have answered is kept, separately, so that nobody answers twice.`}
        />
      </div>
      {body}
    </div>
  )
}
