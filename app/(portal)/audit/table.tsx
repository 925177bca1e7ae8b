import type { AuditEntryView } from '@/lib/audit/queries'
import { td, th } from '@/components/ui/table'

function When({ at }: { at: string }) {
  return <time dateTime={at}>{at.replace('T', ' ').slice(0, 19)}</time>
}

/** The entries as a table: one row per entry, the action is the row header. */
export function AuditTable({ items }: { items: AuditEntryView[] }) {
  const withAddress = items.some((e) => 'address' in e)
  return (
    <div className="overflow-x-auto rounded-xl border border-line bg-surface">
      <table className="w-full min-w-[48rem] border-collapse">
        <caption className="sr-only">Audit log entries, newest first. Columns: when, who, action, record, what changed.</caption>
        <thead className="border-b border-line">
          <tr>
            <th scope="col" className={th}>When (UTC)</th>
            <th scope="col" className={th}>Who</th>
            <th scope="col" className={th}>Action</th>
            <th scope="col" className={th}>Record</th>
            <th scope="col" className={th}>What changed</th>
            {withAddress ? <th scope="col" className={th}>Address</th> : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {items.map((e) => (
            <tr key={e.id}>
              <td className={`${td} whitespace-nowrap font-mono text-xs`}>
                <When at={e.at} />
              </td>
              <td className={td}>
                {e.actor.name ? (
                  <>
                    {e.actor.name}
                    <span className="block text-xs text-fg-muted">{e.actor.label}</span>
                  </>
                ) : (
                  e.actor.label
                )}
              </td>
              <th scope="row" className={`${td} font-mono text-xs font-medium`}>
                {e.action}
              </th>
              <td className={`${td} text-xs`}>
                {e.entityType}
                {e.entityId ? <span className="block break-all font-mono text-fg-muted">{e.entityId}</span> : null}
              </td>
              <td className={`${td} text-xs`}>
                {e.changes.length ? (
                  <ul className="space-y-0.5">
                    {e.changes.map((c) => (
                      <li key={c.field}>
                        <span className="font-medium">{c.field}</span>:{' '}
                        <span className="sr-only">changed from </span>
                        <span className="text-fg-muted">{c.before ?? 'not recorded'}</span> <span aria-hidden="true">→</span>
                        <span className="sr-only"> to </span> <span>{c.after ?? 'not recorded'}</span>
                      </li>
                    ))}
                  </ul>
                ) : null}
                {e.details.length ? (
                  <dl className="mt-0.5 grid grid-cols-[auto_1fr] gap-x-2 text-fg-muted">
                    {e.details.map((d) => (
                      <div key={d.key} className="contents">
                        <dt className="font-medium">{d.key}</dt>
                        <dd className="break-words">{d.value}</dd>
                      </div>
                    ))}
                  </dl>
                ) : null}
                {!e.changes.length && !e.details.length ? <span className="text-fg-muted">No details recorded</span> : null}
              </td>
              {withAddress ? <td className={`${td} font-mono text-xs`}>{e.address ?? '—'}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
