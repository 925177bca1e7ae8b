'use client'

import { useState } from 'react'
import { Button } from '@/components/ui/button'

type Sev = 'SEV1' | 'SEV2' | 'SEV3' | 'SEV4'
const SEVS: Sev[] = ['SEV1', 'SEV2', 'SEV3', 'SEV4']

export interface MappingView {
  source: 'pagerduty' | 'incidentio'
  value: Record<string, unknown>
  version: number
  isDefault: boolean
}

function SevSelect({ id, value, onChange, label }: { id: string; value: Sev; onChange: (v: Sev) => void; label: string }) {
  return (
    <select id={id} aria-label={label} value={value} onChange={(e) => onChange(e.target.value as Sev)} className="h-9 rounded-md border border-line bg-surface px-2 text-sm text-fg">
      {SEVS.map((s) => <option key={s} value={s}>{s}</option>)}
    </select>
  )
}

/** The editable table of one mapping: source labels -> SEV1..SEV4, plus PagerDuty's major/urgency rules. */
export function SeverityMappingEditor({ initial }: { initial: MappingView }) {
  const [view, setView] = useState(initial)
  const tableKey = view.source === 'pagerduty' ? 'priorities' : 'names'
  const [rows, setRows] = useState<Array<[string, Sev]>>(Object.entries(view.value[tableKey] as Record<string, Sev>))
  const [major, setMajor] = useState<Sev>((view.value.major as Sev) ?? 'SEV1')
  const [urgency, setUrgency] = useState<{ high: Sev; low: Sev }>((view.value.urgency as { high: Sev; low: Sev }) ?? { high: 'SEV2', low: 'SEV4' })
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null)
  const [saving, setSaving] = useState(false)
  const title = view.source === 'pagerduty' ? 'PagerDuty: priority → severity' : 'incident.io: severity name → severity'

  async function save() {
    setSaving(true)
    setMessage(null)
    const entries = rows.filter(([k]) => k.trim())
    const value = view.source === 'pagerduty'
      ? { priorities: Object.fromEntries(entries), major, urgency }
      : { names: Object.fromEntries(entries), ranks: (view.value.ranks as Record<string, Sev>) ?? {} }
    try {
      const res = await fetch('/api/v1/imports/severity-mapping', { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ source: view.source, version: view.version, value }) })
      const body = await res.json()
      if (res.status === 409) setMessage({ kind: 'error', text: 'Someone else changed this mapping since you opened the page. Reload to see their version; your edits are still shown here.' })
      else if (!res.ok) setMessage({ kind: 'error', text: body.error?.message ?? 'Not saved.' })
      else {
        setView(body as MappingView)
        setMessage({ kind: 'ok', text: 'Saved. The next import uses this mapping.' })
      }
    } catch {
      setMessage({ kind: 'error', text: 'Not saved: check your connection.' })
    } finally {
      setSaving(false)
    }
  }

  const prefix = `sev-${view.source}`
  return (
    <section aria-labelledby={`${prefix}-h`} className="space-y-3 rounded-xl border border-line bg-surface p-4">
      <h3 id={`${prefix}-h`} className="text-sm font-semibold text-fg">{title} {view.isDefault ? <span className="font-normal text-fg-muted">(defaults)</span> : null}</h3>
      <table className="w-full text-sm">
        <caption className="sr-only">{title}</caption>
        <thead><tr className="text-left text-fg-muted"><th scope="col" className="pb-1">{view.source === 'pagerduty' ? 'Priority name' : 'Severity name'}</th><th scope="col" className="pb-1">Paceline severity</th><th scope="col" className="pb-1"><span className="sr-only">Remove</span></th></tr></thead>
        <tbody>
          {rows.map(([k, v], i) => (
            <tr key={i}>
              <td className="py-1 pr-2"><input aria-label={`Source label ${i + 1}`} value={k} onChange={(e) => setRows(rows.map((r, j) => (j === i ? [e.target.value, r[1]] : r)))} className="h-9 w-full rounded-md border border-line bg-surface px-2 text-fg" /></td>
              <td className="py-1 pr-2"><SevSelect id={`${prefix}-${i}`} label={`Severity for ${k || `row ${i + 1}`}`} value={v} onChange={(s) => setRows(rows.map((r, j) => (j === i ? [r[0], s] : r)))} /></td>
              <td className="py-1"><Button variant="ghost" size="sm" onClick={() => setRows(rows.filter((_, j) => j !== i))} aria-label={`Remove ${k || `row ${i + 1}`}`}>Remove</Button></td>
            </tr>
          ))}
        </tbody>
      </table>
      <Button variant="secondary" size="sm" onClick={() => setRows([...rows, ['', 'SEV3']])}>Add a label</Button>
      {view.source === 'pagerduty' ? (
        <div className="flex flex-wrap gap-4 text-sm text-fg">
          <label htmlFor={`${prefix}-major`} className="flex items-center gap-2">Major incidents at least <SevSelect id={`${prefix}-major`} label="Severity of major incidents" value={major} onChange={setMajor} /></label>
          <label htmlFor={`${prefix}-high`} className="flex items-center gap-2">No priority, high urgency <SevSelect id={`${prefix}-high`} label="Severity for high urgency" value={urgency.high} onChange={(s) => setUrgency({ ...urgency, high: s })} /></label>
          <label htmlFor={`${prefix}-low`} className="flex items-center gap-2">low urgency <SevSelect id={`${prefix}-low`} label="Severity for low urgency" value={urgency.low} onChange={(s) => setUrgency({ ...urgency, low: s })} /></label>
        </div>
      ) : null}
      <div className="flex items-center gap-3">
        <Button size="sm" onClick={() => void save()} disabled={saving}>{saving ? 'Saving…' : 'Save mapping'}</Button>
        <p aria-live="polite" role={message?.kind === 'error' ? 'alert' : undefined} className="text-sm text-fg">{message?.text}</p>
      </div>
    </section>
  )
}
