import type { Metadata } from 'next'
import Link from 'next/link'
import { requirePageUser } from '@/lib/auth/guard'
import { listRolloutAudit } from '@/lib/rollout/queries/audit'
import { Card, RolloutHeader, td, th } from '@/components/rollout/header'

export const metadata: Metadata = { title: 'Rollout decisions' }
export const dynamic = 'force-dynamic'

export default async function RolloutAuditPage() {
  const user = await requirePageUser('audit.view', '/rollout/audit')
  const entries = await listRolloutAudit(user)
  return (
    <div className="space-y-6">
      <RolloutHeader user={user} current="/rollout/audit" title="Rollout decisions" description="The audit log of the rollout planner: who changed the plan, cohorts and gates, and every override with its reason." />
      <Card title={`Latest ${entries.length} entries`} id="audit" actions={<Link href="/audit?action=rollout.*" className="text-sm underline underline-offset-2">Filter, page through and export in the audit log</Link>}>
        {entries.length === 0 ? <p className="text-sm text-fg-muted">Nothing recorded yet.</p> : (
          <div className="overflow-x-auto">
            <table className="w-full min-w-[40rem] border-collapse">
              <caption className="sr-only">Audit log of the rollout planner</caption>
              <thead className="border-b border-line"><tr><th scope="col" className={th}>When (UTC)</th><th scope="col" className={th}>Who</th><th scope="col" className={th}>What</th><th scope="col" className={th}>Details</th></tr></thead>
              <tbody className="divide-y divide-line">
                {entries.map((e) => (
                  <tr key={e.id}>
                    <td className={`${td} whitespace-nowrap`}>{e.at.replace('T', ' ').slice(0, 16)}</td>
                    <td className={td}>{e.actor}</td>
                    <th scope="row" className={`${td} font-medium`}>{e.label}</th>
                    <td className={`${td} text-xs`}>{e.reason ? <p><span className="font-medium">Reason:</span> {e.reason}</p> : null}{e.details ? <p className="text-fg-muted">{e.details}</p> : null}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </div>
  )
}
