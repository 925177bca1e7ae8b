'use client'

import { useId, useRef, useState } from 'react'
import Link from 'next/link'
import { Button, buttonClasses } from '@/components/ui/button'
import { FORMAT_LABELS, IMPORT_KINDS, KIND_LABELS, type ImportKind, type RowError } from '@/lib/intake/types'

interface Preview {
  format: keyof typeof FORMAT_LABELS
  source: string
  columns: Array<{ field: string; column: string | null }>
  ignoredColumns: string[]
  dropped: string[]
  totalRows: number
  validRows: number
  skipped: number
  rows: Array<Record<string, string | number | boolean | null>>
  errorCount: number
  errors: RowError[]
  unmatchedTeams: Array<{ name: string; rows: number }>
}

interface Outcome {
  status: 'SUCCEEDED' | 'INVALID'
  created: number
  updated: number
  skipped: number
  errorCount: number
  errors: RowError[]
  totalRows: number
}

type Team = { id: string; slug: string; name: string }

const FIELD_LABELS: Record<string, string> = {
  externalId: 'External id', title: 'Title', severity: 'Severity', sourceSeverity: 'Source severity', team: 'Team', service: 'Service', startedAt: 'Started',
  resolvedAt: 'Resolved', status: 'Status', openedOn: 'Opened', repaidOn: 'Repaid', points: 'Points', size: 'Size', month: 'Month', featuresShipped: 'Features shipped',
  category: 'Category', amount: 'Amount', currency: 'Currency', note: 'Note', submittedOn: 'Submitted (day only)',
}

async function errorMessage(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { error?: { message?: string } }
    return body.error?.message ?? `The server answered ${res.status}.`
  } catch {
    return `The server answered ${res.status}.`
  }
}

export function ImportWizard({ teams }: { teams: Team[] }) {
  const ids = { kind: useId(), file: useId(), label: useId(), type: useId(), valid: useId() }
  const [kind, setKind] = useState<ImportKind>('incidents')
  const [file, setFile] = useState<File | null>(null)
  const [debtLabel, setDebtLabel] = useState('')
  const [debtType, setDebtType] = useState('')
  const [validOnly, setValidOnly] = useState(false)
  const [preview, setPreview] = useState<Preview | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState<'preview' | 'import' | 'aliases' | null>(null)
  const [progress, setProgress] = useState<{ processed: number; total: number; phase: string } | null>(null)
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const [mapping, setMapping] = useState<Record<string, string>>({})
  const [dragging, setDragging] = useState(false)
  const inputRef = useRef<HTMLInputElement>(null)

  function query(extra: Record<string, string> = {}) {
    const p = new URLSearchParams({ kind, fileName: file?.name ?? '', ...extra })
    if (kind === 'tech-debt' && debtLabel.trim()) p.set('debtLabel', debtLabel.trim())
    if (kind === 'tech-debt' && debtType.trim()) p.set('debtType', debtType.trim())
    return p.toString()
  }

  async function runPreview(f: File | null = file, k: ImportKind = kind) {
    if (!f) return
    setBusy('preview')
    setProblem(null)
    setOutcome(null)
    setProgress(null)
    try {
      const p = new URLSearchParams({ kind: k, fileName: f.name })
      if (k === 'tech-debt' && debtLabel.trim()) p.set('debtLabel', debtLabel.trim())
      if (k === 'tech-debt' && debtType.trim()) p.set('debtType', debtType.trim())
      const res = await fetch(`/api/v1/imports/preview?${p}`, { method: 'POST', body: f, headers: { 'Content-Type': 'application/octet-stream' } })
      if (!res.ok) {
        setPreview(null)
        setProblem(await errorMessage(res))
        return
      }
      setPreview((await res.json()) as Preview)
    } catch {
      setProblem('The preview failed: check your connection and try again.')
    } finally {
      setBusy(null)
    }
  }

  function choose(f: File | null) {
    setFile(f)
    setPreview(null)
    setMapping({})
    void runPreview(f)
  }

  async function saveMapping() {
    if (!preview) return
    const aliases = Object.entries(mapping).filter(([, team]) => team).map(([alias, team]) => ({ source: preview.source, alias, team }))
    if (!aliases.length) return
    setBusy('aliases')
    try {
      const res = await fetch('/api/v1/imports/team-aliases', { method: 'POST', body: JSON.stringify({ aliases }), headers: { 'Content-Type': 'application/json' } })
      if (!res.ok) {
        setProblem(await errorMessage(res))
        return
      }
      setMapping({})
    } finally {
      setBusy(null)
    }
    await runPreview()
  }

  async function runImport() {
    if (!file) return
    setBusy('import')
    setProblem(null)
    setOutcome(null)
    setProgress({ processed: 0, total: preview?.validRows ?? 0, phase: 'validating' })
    try {
      const res = await fetch(`/api/v1/imports?${query({ validOnly: String(validOnly) })}`, {
        method: 'POST',
        body: file,
        headers: { 'Content-Type': 'application/octet-stream', Accept: 'application/x-ndjson' },
      })
      if (!res.ok || !res.body) {
        setProblem(await errorMessage(res))
        return
      }
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader()
      let buffer = ''
      for (;;) {
        const { done, value } = await reader.read()
        if (value) buffer += value
        let nl: number
        while ((nl = buffer.indexOf('\n')) >= 0) {
          const line = buffer.slice(0, nl).trim()
          buffer = buffer.slice(nl + 1)
          if (!line) continue
          const msg = JSON.parse(line) as { type: string; processed?: number; total?: number; phase?: string; error?: { message: string } } & Outcome
          if (msg.type === 'progress') setProgress({ processed: msg.processed ?? 0, total: msg.total ?? 0, phase: msg.phase ?? 'writing' })
          else if (msg.type === 'result') {
            setOutcome(msg)
            setProgress((p) => ({ processed: msg.status === 'SUCCEEDED' ? (p?.total ?? 0) : 0, total: p?.total ?? 0, phase: 'done' }))
          } else if (msg.type === 'error') setProblem(msg.error?.message ?? 'The import failed.')
        }
        if (done) break
      }
    } catch {
      setProblem('The import failed: check your connection and try again. Nothing was written unless a result is shown.')
    } finally {
      setBusy(null)
    }
  }

  const errors = outcome?.status === 'INVALID' ? outcome.errors : (preview?.errors ?? [])
  const errorCount = outcome?.status === 'INVALID' ? outcome.errorCount : (preview?.errorCount ?? 0)
  const canImport = Boolean(file && preview && busy === null && (preview.errorCount === 0 || validOnly) && preview.validRows > 0)
  const pct = progress && progress.total > 0 ? Math.round((progress.processed / progress.total) * 100) : 0

  return (
    <section aria-labelledby="import-heading" className="space-y-6">
      <h2 id="import-heading" className="text-lg font-semibold text-fg">Import a file</h2>
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="space-y-1.5">
          <label htmlFor={ids.kind} className="block text-sm font-medium text-fg">What the file holds</label>
          <select
            id={ids.kind}
            value={kind}
            onChange={(e) => { const k = e.target.value as ImportKind; setKind(k); setPreview(null); if (file) void runPreview(file, k) }}
            className="h-10 w-full rounded-md border border-line bg-surface px-3 text-sm text-fg"
          >
            {IMPORT_KINDS.map((k) => <option key={k} value={k}>{KIND_LABELS[k]}</option>)}
          </select>
        </div>
        {kind === 'tech-debt' ? (
          <div className="grid grid-cols-2 gap-3">
            <div className="space-y-1.5">
              <label htmlFor={ids.label} className="block text-sm font-medium text-fg">Debt label</label>
              <input id={ids.label} value={debtLabel} onChange={(e) => setDebtLabel(e.target.value)} onBlur={() => void runPreview()} placeholder="tech-debt" className="h-10 w-full rounded-md border border-line bg-surface px-3 text-sm text-fg" />
            </div>
            <div className="space-y-1.5">
              <label htmlFor={ids.type} className="block text-sm font-medium text-fg">or issue type</label>
              <input id={ids.type} value={debtType} onChange={(e) => setDebtType(e.target.value)} onBlur={() => void runPreview()} placeholder="Tech Debt" className="h-10 w-full rounded-md border border-line bg-surface px-3 text-sm text-fg" />
            </div>
          </div>
        ) : null}
      </div>

      <div
        onDragOver={(e) => { e.preventDefault(); setDragging(true) }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => { e.preventDefault(); setDragging(false); const f = e.dataTransfer.files[0]; if (f) choose(f) }}
        className={`rounded-xl border-2 border-dashed px-4 py-8 text-center ${dragging ? 'border-accent bg-surface-muted' : 'border-line bg-surface'}`}
      >
        <p className="text-sm text-fg-muted">Drop a CSV or JSON file here (up to 50 MB), or</p>
        <label htmlFor={ids.file} className={buttonClasses({ variant: 'secondary', className: 'mt-3 cursor-pointer focus-within:ring-2 focus-within:ring-accent' })}>
          Choose a file
          <input id={ids.file} ref={inputRef} type="file" accept=".csv,.json,text/csv,application/json" className="sr-only" onChange={(e) => choose(e.target.files?.[0] ?? null)} />
        </label>
        {file ? <p className="mt-3 text-sm text-fg">{file.name} · {(file.size / 1024).toFixed(1)} kB</p> : null}
      </div>

      <div aria-live="polite" className="space-y-2">
        {busy === 'preview' ? <p className="text-sm text-fg-muted">Reading the file…</p> : null}
        {problem ? <p role="alert" className="rounded-md border border-danger-line bg-danger-soft px-3 py-2 text-sm text-fg">{problem}</p> : null}
      </div>

      {preview ? (
        <div className="space-y-6">
          <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
            <div><dt className="text-fg-muted">Detected format</dt><dd className="font-medium text-fg">{FORMAT_LABELS[preview.format]}</dd></div>
            <div><dt className="text-fg-muted">Rows</dt><dd className="font-medium text-fg">{preview.totalRows}</dd></div>
            <div><dt className="text-fg-muted">Valid</dt><dd className="font-medium text-fg">{preview.validRows}</dd></div>
            <div><dt className="text-fg-muted">Skipped / invalid</dt><dd className="font-medium text-fg">{preview.skipped} / {preview.errorCount}</dd></div>
          </dl>

          <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Column mapping">
            <table className="w-full text-left text-sm">
              <caption className="mb-2 text-left font-semibold text-fg">Column mapping</caption>
              <thead><tr className="border-b border-line text-fg-muted"><th scope="col" className="py-1.5 pr-4">Paceline field</th><th scope="col" className="py-1.5">Column in the file</th></tr></thead>
              <tbody>
                {preview.columns.map((c) => (
                  <tr key={c.field} className="border-b border-line/60"><td className="py-1.5 pr-4 text-fg">{FIELD_LABELS[c.field] ?? c.field}</td><td className="py-1.5 text-fg-muted">{c.column ?? '—'}</td></tr>
                ))}
              </tbody>
            </table>
            {preview.dropped.length ? <p className="mt-2 text-xs text-fg-muted">Dropped at ingest, never stored: {preview.dropped.join(', ')}</p> : null}
            {preview.ignoredColumns.length ? <p className="mt-1 text-xs text-fg-muted">Ignored columns: {preview.ignoredColumns.slice(0, 30).join(', ')}{preview.ignoredColumns.length > 30 ? '…' : ''}</p> : null}
          </div>

          {preview.rows.length ? (
            <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="First rows">
              <table className="w-full text-left text-xs">
                <caption className="mb-2 text-left text-sm font-semibold text-fg">First rows as they will be imported</caption>
                <thead>
                  <tr className="border-b border-line text-fg-muted">
                    {Object.keys(preview.rows[0]).filter((k) => k !== 'source').map((k) => <th key={k} scope="col" className="py-1.5 pr-3 font-medium">{FIELD_LABELS[k] ?? k}</th>)}
                  </tr>
                </thead>
                <tbody>
                  {preview.rows.map((r, i) => (
                    <tr key={i} className="border-b border-line/60">
                      {Object.entries(r).filter(([k]) => k !== 'source').map(([k, v]) => <td key={k} className="max-w-48 truncate py-1.5 pr-3 text-fg">{v === null ? '' : String(v)}</td>)}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}

          {preview.unmatchedTeams.length ? (
            <fieldset className="space-y-3 rounded-xl border border-line bg-surface p-4">
              <legend className="px-1 text-sm font-semibold text-fg">Match team names ({preview.unmatchedTeams.length} not matched)</legend>
              <p className="text-sm text-fg-muted">These names from the file are not Paceline teams. Choose a team for each; the choice is saved and used by every later import from this source. Rows are never matched by guessing.</p>
              {preview.unmatchedTeams.slice(0, 50).map((u) => {
                const id = `team-map-${u.name}`
                return (
                  <div key={u.name} className="grid items-center gap-2 sm:grid-cols-[1fr_16rem]">
                    <label htmlFor={id} className="text-sm text-fg">“{u.name}” <span className="text-fg-muted">({u.rows} rows)</span></label>
                    <select id={id} value={mapping[u.name] ?? ''} onChange={(e) => setMapping({ ...mapping, [u.name]: e.target.value })} className="h-9 rounded-md border border-line bg-surface px-2 text-sm text-fg">
                      <option value="">Not mapped</option>
                      {teams.map((t) => <option key={t.id} value={t.slug}>{t.name}</option>)}
                    </select>
                  </div>
                )
              })}
              <Button variant="secondary" size="sm" onClick={() => void saveMapping()} disabled={busy !== null || !Object.values(mapping).some(Boolean)}>Save team mapping</Button>
            </fieldset>
          ) : null}

          <div className="flex flex-wrap items-center gap-4">
            <label htmlFor={ids.valid} className="flex items-center gap-2 text-sm text-fg">
              <input id={ids.valid} type="checkbox" checked={validOnly} onChange={(e) => setValidOnly(e.target.checked)} className="size-4" />
              Import valid rows only (leave out the {preview.errorCount} invalid ones)
            </label>
            <Button onClick={() => void runImport()} disabled={!canImport}>{busy === 'import' ? 'Importing…' : `Import ${preview.validRows} rows`}</Button>
          </div>
          {preview.errorCount > 0 && !validOnly ? <p className="text-sm text-fg-muted">Nothing is written while the file has invalid rows: fix them, map the teams, or choose “Import valid rows only”.</p> : null}
        </div>
      ) : null}

      {progress ? (
        <div className="space-y-1.5">
          <label htmlFor="import-progress" className="block text-sm font-medium text-fg">Import progress</label>
          <progress id="import-progress" max={Math.max(progress.total, 1)} value={progress.total ? progress.processed : progress.phase === 'done' ? 1 : 0} className="h-2 w-full accent-[var(--color-accent)]" />
          <p aria-live="polite" className="text-sm text-fg-muted">
            {progress.phase === 'validating' ? 'Validating the whole file…' : progress.phase === 'done' ? 'Finished.' : `Writing ${progress.processed} of ${progress.total} rows (${pct}%)`}
          </p>
        </div>
      ) : null}

      {outcome?.status === 'SUCCEEDED' ? (
        <div role="status" className="space-y-2 rounded-xl border border-line bg-surface p-4">
          <p className="font-semibold text-fg">{outcome.created} created, {outcome.updated} updated</p>
          <p className="text-sm text-fg-muted">{outcome.skipped ? `${outcome.skipped} rows skipped (not applicable). ` : ''}{outcome.errorCount ? `${outcome.errorCount} invalid rows left out.` : ''}</p>
          <div className="flex flex-wrap gap-2">
            <Link href="/outcomes" className={buttonClasses({ size: 'sm' })}>Open the outcome dashboard</Link>
            {kind === 'budget' ? <Link href="/budget" className={buttonClasses({ size: 'sm', variant: 'secondary' })}>Open the budget view</Link> : null}
          </div>
        </div>
      ) : null}
      {outcome?.status === 'INVALID' ? <p role="alert" className="text-sm text-fg">Nothing was written: {outcome.errorCount} rows are invalid.</p> : null}

      {errors.length ? (
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Row errors">
          <table className="w-full text-left text-sm">
            <caption className="mb-2 text-left font-semibold text-fg">Row errors ({errorCount}{errorCount > errors.length ? `, first ${errors.length} shown` : ''})</caption>
            <thead><tr className="border-b border-line text-fg-muted"><th scope="col" className="py-1.5 pr-3">Line</th><th scope="col" className="py-1.5 pr-3">Column</th><th scope="col" className="py-1.5">Reason</th></tr></thead>
            <tbody>
              {errors.map((e, i) => (
                <tr key={i} className="border-b border-line/60 align-top"><td className="py-1.5 pr-3 tabular-nums text-fg">{e.line ?? '—'}</td><td className="py-1.5 pr-3 text-fg">{e.column ?? '—'}</td><td className="py-1.5 text-fg">{e.reason}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  )
}
