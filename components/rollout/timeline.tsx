'use client'

import { useId, useMemo, useState, type KeyboardEvent } from 'react'
import { updatePhaseDatesAction } from '@/lib/rollout/actions'
import { planWarnings, STAGE_LABELS, type Stage } from '@/lib/rollout/rules'
import { cx } from '@/components/ui/cx'
import { inputSmClasses } from '@/components/training/form-controls'
import { ActionForm } from '@/components/rollout/action-form'
import { PHASE_STATUS_LABELS } from '@/components/rollout/badges'

export interface TimelinePhase {
  id: string
  name: string
  stage: Stage
  status: string
  plannedStart: string
  plannedEnd: string
  actualStart: string | null
  actualEnd: string | null
  version: number
}

const DAY = 86_400_000
const parse = (s: string) => new Date(`${s}T00:00:00Z`).getTime()
const fmt = (t: number) => new Date(t).toISOString().slice(0, 10)
const STAGE_BAR: Record<Stage, string> = { EXPERTS: 'bg-accent/80', PILOT: 'bg-(--warn-fg)/70', BROAD: 'bg-(--done-fg)/70' }

/**
 * The plan as a Gantt-like timeline. Leaders edit a phase's dates in its row: type the dates, or
 * focus the bar and use the arrow keys (← → move the phase a week, Shift+← → change its end), then
 * save. The plan checks update as you edit; the server checks again and refuses stale versions.
 */
export function Timeline({ startsOn, endsOn, phases, editable, today }: { startsOn: string; endsOn: string; phases: TimelinePhase[]; editable: boolean; today: string }) {
  const [drafts, setDrafts] = useState<Record<string, { start: string; end: string }>>({})
  const helpId = useId()
  const span = useMemo(() => {
    const all = [parse(startsOn), parse(endsOn), ...phases.flatMap((p) => [parse(p.plannedStart), parse(p.plannedEnd)])]
    return { from: Math.min(...all), to: Math.max(...all) }
  }, [startsOn, endsOn, phases])
  const pos = (t: number) => `${Math.max(0, Math.min(100, ((t - span.from) / (span.to - span.from)) * 100))}%`
  const dates = (p: TimelinePhase) => drafts[p.id] ?? { start: p.plannedStart, end: p.plannedEnd }
  const warnings = planWarnings(phases.map((p) => ({ stage: p.stage, name: p.name, plannedStart: new Date(dates(p).start), plannedEnd: new Date(dates(p).end) })))
  const months: number[] = []
  for (let d = new Date(span.from); d.getTime() <= span.to; d = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1))) {
    months.push(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1))
  }

  function onKey(p: TimelinePhase, e: KeyboardEvent<HTMLDivElement>) {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return
    e.preventDefault()
    const step = (e.key === 'ArrowLeft' ? -7 : 7) * DAY
    const cur = dates(p)
    const next = e.shiftKey ? { start: cur.start, end: fmt(parse(cur.end) + step) } : { start: fmt(parse(cur.start) + step), end: fmt(parse(cur.end) + step) }
    setDrafts((d) => ({ ...d, [p.id]: next }))
  }

  return (
    <div className="space-y-4">
      <p id={helpId} className="text-xs text-fg-muted">
        {editable ? 'Focus a bar and use ← → to move the phase by a week, Shift + ← → to change its end; or type the dates. Save each phase.' : 'Planned dates of each phase. Leaders edit them here.'}
      </p>
      <div className="overflow-x-auto rounded-xl border border-line bg-surface p-3">
        <div className="min-w-[40rem]">
          <div className="relative ml-[12rem] h-6 border-b border-line text-[0.6875rem] text-fg-muted" aria-hidden="true">
            {months.map((m) => (
              <span key={m} className="absolute top-0 -translate-x-1/2 whitespace-nowrap" style={{ left: pos(m) }}>
                {new Date(m).toLocaleString('en-GB', { month: 'short', timeZone: 'UTC' })}
                {new Date(m).getUTCMonth() === 0 ? ` ${new Date(m).getUTCFullYear()}` : ''}
              </span>
            ))}
          </div>
          <ol className="space-y-2 pt-2">
            {phases.map((p) => {
              const d = dates(p)
              const changed = Boolean(drafts[p.id]) && (d.start !== p.plannedStart || d.end !== p.plannedEnd)
              return (
                <li key={`${p.id}-${p.version}`} className="flex items-center gap-2">
                  <div className="w-[12rem] shrink-0 pr-2 text-sm">
                    <span className="block truncate font-medium text-fg" title={p.name}>{p.name}</span>
                    <span className="text-xs text-fg-muted">{STAGE_LABELS[p.stage]} · {PHASE_STATUS_LABELS[p.status] ?? p.status}</span>
                  </div>
                  <div className="relative h-8 flex-1 rounded bg-surface-muted">
                    <div className="absolute inset-y-0 w-px bg-danger" style={{ left: pos(parse(today)) }} aria-hidden="true" title={`Today ${today}`} />
                    <div
                      role={editable ? 'group' : 'img'}
                      tabIndex={editable ? 0 : undefined}
                      aria-roledescription={editable ? 'movable phase' : undefined}
                      aria-label={`${p.name}: ${d.start} to ${d.end}${changed ? ' (unsaved)' : ''}`}
                      aria-describedby={helpId}
                      onKeyDown={editable ? (e) => onKey(p, e) : undefined}
                      className={cx('absolute inset-y-1 rounded text-[0.6875rem] font-medium text-white outline-offset-2 focus-visible:outline-2 focus-visible:outline-focus', STAGE_BAR[p.stage], changed && 'ring-2 ring-fg')}
                      style={{ left: pos(parse(d.start)), width: `calc(${pos(parse(d.end))} - ${pos(parse(d.start))})` }}
                    >
                      <span className="sr-only">{STAGE_LABELS[p.stage]}</span>
                    </div>
                  </div>
                </li>
              )
            })}
          </ol>
          <p className="mt-2 ml-[12rem] text-xs text-fg-muted">
            <span className="mr-1 inline-block h-3 w-px bg-danger align-middle" aria-hidden="true" /> today ({today})
          </p>
        </div>
      </div>

      <section aria-labelledby={`${helpId}-checks`} className="rounded-xl border border-line bg-surface p-4">
        <h2 id={`${helpId}-checks`} className="text-sm font-semibold text-fg">Plan checks</h2>
        {warnings.length === 0 ? (
          <p className="mt-1 text-sm text-fg-muted">The plan spans 9–18 months and the pilots run at least 8 weeks before the broad rollout.</p>
        ) : (
          <ul className="mt-1 list-disc space-y-1 pl-5 text-sm text-danger" aria-live="polite">
            {warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        )}
      </section>

      {editable ? (
        <div className="grid gap-3 md:grid-cols-2">
          {phases.map((p) => {
            const d = dates(p)
            return (
              <div key={`${p.id}-${p.version}-form`} className="rounded-xl border border-line bg-surface p-3">
                <h3 className="text-sm font-semibold text-fg">{p.name}</h3>
                <ActionForm action={updatePhaseDatesAction} submitLabel="Save dates" label={`Dates of ${p.name}`} fieldLabels={{ plannedStart: 'Start', plannedEnd: 'End' }}>
                  <input type="hidden" name="phaseId" value={p.id} />
                  <input type="hidden" name="version" value={p.version} />
                  <div className="flex flex-wrap gap-3">
                    <label className="text-sm text-fg">
                      Start
                      <input type="date" name="plannedStart" required value={d.start} onChange={(e) => setDrafts((x) => ({ ...x, [p.id]: { start: e.target.value, end: d.end } }))} className={cx(inputSmClasses, 'mt-1 w-40')} />
                    </label>
                    <label className="text-sm text-fg">
                      End
                      <input type="date" name="plannedEnd" required value={d.end} onChange={(e) => setDrafts((x) => ({ ...x, [p.id]: { start: d.start, end: e.target.value } }))} className={cx(inputSmClasses, 'mt-1 w-40')} />
                    </label>
                  </div>
                </ActionForm>
              </div>
            )
          })}
        </div>
      ) : null}
    </div>
  )
}
