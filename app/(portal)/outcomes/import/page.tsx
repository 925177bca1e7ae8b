import type { Metadata } from 'next'
import Link from 'next/link'
import { requirePageUser } from '@/lib/auth/guard'
import { listImportJobs, listTeamChoices } from '@/lib/intake/jobs'
import { getSeverityMappings } from '@/lib/intake/settings'
import { PageHeader } from '@/components/ui/page-header'
import { ImportWizard } from '@/components/intake/import-wizard'
import { RecentImports } from '@/components/intake/recent-imports'
import { SeverityMappingEditor, type MappingView } from '@/components/intake/severity-mapping-editor'

export const metadata: Metadata = { title: 'Import outcome data' }
export const dynamic = 'force-dynamic'

export default async function ImportPage() {
  const user = await requirePageUser('outcomes.import', '/outcomes/import')
  const [jobs, teams, mappings] = await Promise.all([listImportJobs(user), listTeamChoices(user), getSeverityMappings(user)])
  return (
    <div className="space-y-10">
      <PageHeader
        title="Import outcome data"
        description={<>Incidents, tech debt, throughput, budget and survey answers from the files you already have: PagerDuty, incident.io, Jira, Formbricks or the generic layouts. Nothing is written unless the whole file is valid. <Link href="/outcomes" className="text-accent-text underline">Back to outcomes</Link></>}
      />
      <ImportWizard teams={teams} />
      <section aria-labelledby="recent-h" className="space-y-3">
        <h2 id="recent-h" className="text-lg font-semibold text-fg">Recent imports</h2>
        <RecentImports jobs={jobs} />
      </section>
      <section aria-labelledby="sev-h" className="space-y-3">
        <h2 id="sev-h" className="text-lg font-semibold text-fg">Severity mapping</h2>
        <p className="max-w-2xl text-sm text-fg-muted">PagerDuty and incident.io have their own scales. These tables turn them into SEV1 (worst) to SEV4. A label that is not listed makes its row invalid, so nothing is guessed.</p>
        <div className="grid gap-4 lg:grid-cols-2">
          {mappings.map((m) => <SeverityMappingEditor key={m.source} initial={m as unknown as MappingView} />)}
        </div>
      </section>
    </div>
  )
}
