import type { Metadata } from 'next'
import { requirePageUser } from '@/lib/auth/guard'
import { listGroupOptions } from '@/lib/surveys/queries'
import { STAGE_LABELS } from '@/lib/surveys/rules'
import { PageHeader } from '@/components/ui/page-header'
import { SurveyBreadcrumbs } from '@/components/surveys/breadcrumbs'
import { SurveyForm } from '@/components/surveys/survey-form'

export const metadata: Metadata = { title: 'Schedule a pulse' }

/** Next Monday 09:00 to Friday of the week after, 17:00 (UTC), as a starting point. */
function defaultWindow(now = new Date()) {
  const opens = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + ((8 - now.getUTCDay()) % 7 || 7), 9))
  const closes = new Date(opens.getTime() + 11 * 86_400_000 + 8 * 3_600_000)
  return { opensAt: opens.toISOString(), closesAt: closes.toISOString() }
}

export default async function NewSurveyPage() {
  const user = await requirePageUser('surveys.manage', '/surveys/new')
  const options = await listGroupOptions(user)
  const month = new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' }).format(new Date())
  return (
    <div className="mx-auto max-w-4xl space-y-8">
      <div className="space-y-3">
        <SurveyBreadcrumbs items={[{ label: 'Schedule a pulse' }]} />
        <PageHeader title="Schedule a pulse" description="Four short questions, the same every time, answered anonymously. Results appear for groups of five or more." />
      </div>
      <SurveyForm
        mode="schedule"
        values={{ title: `Monthly pulse: ${month}`, ...defaultWindow(), audience: { stages: [], cohortIds: [], teamIds: [] }, includeComment: true }}
        teams={options.teams.map((t) => ({ id: t.id, name: t.name }))}
        cohorts={options.cohorts.map((c) => ({ id: c.id, name: c.name, hint: STAGE_LABELS[c.stage] }))}
      />
    </div>
  )
}
