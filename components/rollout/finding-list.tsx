import Link from 'next/link'
import type { FindingView } from '@/lib/rollout/queries'
import { updateFindingAction } from '@/lib/rollout/actions'
import { inputSmClasses, selectSmClasses, textareaClasses } from '@/components/training/form-controls'
import { ActionForm } from '@/components/rollout/action-form'
import { FINDING_STATUS_LABELS, SeverityBadge } from '@/components/rollout/badges'
import { Badge } from '@/components/training/badges'

/**
 * Findings, open and most severe first, each editable by experts and leaders (status, severity,
 * owner, resolution, linked modules). One editor is open at a time (`editing`, from the page's
 * ?edit=): a form with the owner picker on every finding made the page grow by kilobytes per finding.
 */
export function FindingList({
  findings,
  editable,
  owners = [],
  editing,
  basePath,
}: {
  findings: FindingView[]
  editable: boolean
  owners?: Array<{ id: string; name: string }>
  editing?: string
  /** The page's own path, for the editor's open and close links. */
  basePath: string
}) {
  if (findings.length === 0) return <p className="text-sm text-fg-muted">No findings recorded.</p>
  return (
    <ul className="space-y-3">
      {findings.map((f) => (
        <li key={f.id} id={`finding-${f.id}`} className="rounded-lg border border-line p-3 text-sm">
          <div className="flex flex-wrap items-center gap-2">
            <SeverityBadge severity={f.severity} />
            <Badge tone={f.status === 'OPEN' ? 'warn' : 'neutral'}>{FINDING_STATUS_LABELS[f.status]}</Badge>
            <h3 className="font-medium text-fg">{f.title}</h3>
          </div>
          <p className="mt-1 whitespace-pre-line text-fg">{f.body}</p>
          <p className="mt-1 text-xs text-fg-muted">{f.phase ?? 'No phase'} · owner {f.owner ?? '—'} · recorded by {f.author ?? '—'} on {f.createdAt.slice(0, 10)}</p>
          {f.resolution ? <p className="mt-1 text-xs text-fg">Resolution: {f.resolution}</p> : null}
          {f.modules.length ? <p className="mt-1 text-xs">Training updated: {f.modules.map((m, i) => <span key={m.slug}>{i ? ', ' : ''}<Link href={`/training/${m.slug}`} className="text-accent-text underline">{m.title}</Link></span>)}</p> : null}
          {editable && editing !== f.id ? (
            <Link href={`${basePath}?edit=${f.id}#finding-${f.id}`} aria-label={`Update finding ${f.title}`} className="mt-2 inline-block text-xs text-accent-text underline">Update</Link>
          ) : null}
          {editable && editing === f.id ? (
            <div className="mt-2">
              <ActionForm action={updateFindingAction} submitLabel="Save finding" label={`Update finding ${f.title}`} className="mt-2" fieldLabels={{ resolution: 'Resolution', moduleSlugs: 'Training modules' }}>
                <input type="hidden" name="findingId" value={f.id} />
                <input type="hidden" name="version" value={f.version} />
                <div className="grid gap-2 sm:grid-cols-2">
                  <label className="text-xs text-fg">Status<select autoFocus name="status" defaultValue={f.status} className={`${selectSmClasses} mt-1`}><option value="OPEN">Open</option><option value="ADDRESSED">Addressed</option><option value="WONT_FIX">Won’t fix</option></select></label>
                  <label className="text-xs text-fg">Severity<select name="severity" defaultValue={f.severity} className={`${selectSmClasses} mt-1`}><option value="LOW">Low</option><option value="MEDIUM">Medium</option><option value="HIGH">High</option><option value="CRITICAL">Critical</option></select></label>
                </div>
                {owners.length ? (
                  <label className="block text-xs text-fg">Owner<select name="ownerId" defaultValue={f.ownerId ?? ''} className={`${selectSmClasses} mt-1`}><option value="">Nobody yet</option>{owners.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}</select></label>
                ) : null}
                <label className="block text-xs text-fg">Resolution<textarea name="resolution" rows={2} maxLength={4000} defaultValue={f.resolution ?? ''} className={`${textareaClasses} mt-1`} /></label>
                <label className="block text-xs text-fg">Training modules (addresses, comma-separated)<input name="moduleSlugs" defaultValue={f.modules.map((m) => m.slug).join(', ')} className={`${inputSmClasses} mt-1`} /></label>
              </ActionForm>
              <Link href={`${basePath}#finding-${f.id}`} className="mt-2 inline-block text-xs text-accent-text underline">Close the editor</Link>
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  )
}

/** The owner picker of a new finding (defaults to the person recording it). */
export function OwnerSelect({ owners, me }: { owners: Array<{ id: string; name: string }>; me: string }) {
  return (
    <label className="block text-sm text-fg">Owner<select name="ownerId" defaultValue={owners.some((o) => o.id === me) ? me : ''} className={`${selectSmClasses} mt-1 max-w-xs`}><option value="">Me</option>{owners.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}</select></label>
  )
}
