'use client'

import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react'
import { saveDraftAction } from '@/lib/training/actions'
import type { DraftView } from '@/lib/training/queries'
import { Button } from '@/components/ui/button'
import { cx } from '@/components/ui/cx'
import { ConflictNotice, type ConflictInfo } from '@/components/training/conflict-notice'
import { ModuleFields, type ModelOption, type ModuleFormValues } from '@/components/training/module-fields'
import { WorkflowPanel } from '@/components/training/workflow-panel'

// The module editor. Fields are controlled and never overwritten by the server while the author has
// unsaved text: a save (explicit, or 3 s after the last keystroke) sends everything with the lock
// version it started from, and the new version comes back for the next save. A refused save
// (CONFLICT) pauses autosave and shows what the other person has, leaving the fields as typed.

const AUTOSAVE_MS = 3000
const TIME = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' })

function fromDraft(d: DraftView): ModuleFormValues {
  return {
    title: d.title,
    summary: d.summary,
    kind: d.kind,
    tags: d.tags.join(', '),
    stage: d.stage,
    estimatedMinutes: String(d.estimatedMinutes),
    body: d.body,
    validatedModelIds: d.validatedModelIds,
  }
}

function toFormData(slug: string, version: number, v: ModuleFormValues): FormData {
  const fd = new FormData()
  fd.set('slug', slug)
  fd.set('version', String(version))
  for (const key of ['title', 'summary', 'kind', 'tags', 'stage', 'estimatedMinutes', 'body'] as const) fd.set(key, v[key])
  fd.set('validatedModelIds.present', '1')
  for (const id of v.validatedModelIds) fd.append('validatedModelIds', id)
  return fd
}

type SaveStatus = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: string } | { kind: 'error'; message: string }
type SaveMode = 'auto' | 'manual' | 'flush'

export function ModuleEditor({
  draft,
  models,
  canReview,
  canRetire,
}: {
  draft: DraftView
  models: ModelOption[]
  canReview: boolean
  canRetire: boolean
}) {
  const [values, setValues] = useState(() => fromDraft(draft))
  const [savedJson, setSavedJson] = useState(() => JSON.stringify(fromDraft(draft)))
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' })
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]> | undefined>()
  const [conflict, setConflict] = useState<ConflictInfo | null>(null)
  const [version, setVersion] = useState(draft.version)

  // The latest of everything, for timers and async saves that outlive a render.
  const valuesRef = useRef(values)
  const versionRef = useRef(draft.version)
  const savedJsonRef = useRef(savedJson)
  const conflictRef = useRef<ConflictInfo | null>(null)
  const timerRef = useRef<ReturnType<typeof setTimeout> | null>(null)
  const inflightRef = useRef<Promise<boolean> | null>(null)
  const leavingRef = useRef(false)
  const formRef = useRef<HTMLFormElement>(null)
  const conflictBoxRef = useRef<HTMLDivElement>(null)

  const retired = draft.status === 'RETIRED'
  const dirty = JSON.stringify(values) !== savedJson

  const clearTimer = () => {
    if (timerRef.current) clearTimeout(timerRef.current)
    timerRef.current = null
  }

  /** One save at a time; `auto` and `flush` skip when nothing changed since the last save. */
  const save = useCallback(
    async (mode: SaveMode): Promise<boolean> => {
      clearTimer()
      while (inflightRef.current) await inflightRef.current
      if (conflictRef.current) return false
      const snapshot = valuesRef.current
      const json = JSON.stringify(snapshot)
      if (mode !== 'manual' && json === savedJsonRef.current) return true

      const run = (async () => {
        setStatus({ kind: 'saving' })
        let result: Awaited<ReturnType<typeof saveDraftAction>>
        try {
          result = await saveDraftAction(null, toFormData(draft.slug, versionRef.current, snapshot))
        } catch {
          setStatus({ kind: 'error', message: 'Not saved: the server could not be reached. Your text is still here; try again.' })
          return false
        }
        if (result.ok) {
          versionRef.current = result.data.version
          setVersion(result.data.version)
          savedJsonRef.current = json
          setSavedJson(json)
          setFieldErrors(undefined)
          setStatus({ kind: 'saved', at: result.data.savedAt })
          return true
        }
        if (result.code === 'CONFLICT') {
          const d = (result.details ?? {}) as { changed?: ConflictInfo['changed']; currentVersion?: number }
          const info: ConflictInfo = { message: result.message, changed: Array.isArray(d.changed) ? d.changed : [], currentVersion: d.currentVersion }
          conflictRef.current = info
          setConflict(info)
          setStatus({ kind: 'error', message: 'Not saved: someone else saved this module since you opened it.' })
          return false
        }
        setFieldErrors(result.fieldErrors)
        setStatus({ kind: 'error', message: `Not saved: ${result.message}` })
        return false
      })()
      inflightRef.current = run
      try {
        return await run
      } finally {
        if (inflightRef.current === run) inflightRef.current = null
      }
    },
    [draft.slug],
  )

  function onChange(patch: Partial<ModuleFormValues>) {
    const next = { ...valuesRef.current, ...patch }
    valuesRef.current = next
    setValues(next)
    clearTimer()
    if (!conflictRef.current && !retired) timerRef.current = setTimeout(() => void save('auto'), AUTOSAVE_MS)
  }

  function showConflict() {
    conflictBoxRef.current?.scrollIntoView({ block: 'start' })
    conflictBoxRef.current?.focus({ preventScroll: true })
  }

  // After an explicit save, take the author to what went wrong; an autosave never moves the focus.
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    void save('manual').then((ok) => {
      if (ok) return
      if (conflictRef.current) requestAnimationFrame(showConflict)
      else formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
    })
  }

  function loadTheirs() {
    leavingRef.current = true
    window.location.reload()
  }

  // The server's draft moved on (a workflow step, a refresh) while nothing here is unsaved: take it.
  useEffect(() => {
    if (draft.version <= versionRef.current || conflictRef.current) return
    if (JSON.stringify(valuesRef.current) !== savedJsonRef.current) return
    const next = fromDraft(draft)
    const json = JSON.stringify(next)
    valuesRef.current = next
    savedJsonRef.current = json
    versionRef.current = draft.version
    setVersion(draft.version)
    setValues(next)
    setSavedJson(json)
  }, [draft])

  // "?created=1" is for the first view only: drop it so a reload or a shared link does not repeat it.
  useEffect(() => {
    const url = new URL(window.location.href)
    if (!url.searchParams.has('created')) return
    url.searchParams.delete('created')
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash)
  }, [])

  // Closing the tab with unsaved text asks first; leaving inside the app saves on the way out.
  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (leavingRef.current || JSON.stringify(valuesRef.current) === savedJsonRef.current) return
      e.preventDefault()
    }
    window.addEventListener('beforeunload', warn)
    return () => {
      window.removeEventListener('beforeunload', warn)
      clearTimer()
      if (!conflictRef.current && !leavingRef.current && JSON.stringify(valuesRef.current) !== savedJsonRef.current) {
        void saveDraftAction(null, toFormData(draft.slug, versionRef.current, valuesRef.current)).catch(() => {})
      }
    }
  }, [draft.slug])

  const statusText =
    status.kind === 'saving'
      ? 'Saving…'
      : status.kind === 'error'
        ? status.message
        : dirty
          ? 'Unsaved changes'
          : status.kind === 'saved'
            ? `Saved at ${TIME.format(new Date(status.at))}`
            : ''

  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <div className="min-w-0 space-y-6">
        {conflict ? <ConflictNotice ref={conflictBoxRef} conflict={conflict} models={models} onLoadTheirs={loadTheirs} /> : null}
        <form ref={formRef} onSubmit={onSubmit} noValidate aria-label="Module draft">
          <input type="hidden" name="slug" value={draft.slug} />
          <input type="hidden" name="version" value={version} />
          <ModuleFields idPrefix="edit" values={values} errors={fieldErrors} models={models} onChange={onChange} disabled={retired} />
          <div className="sticky bottom-0 z-10 -mx-4 mt-8 flex flex-wrap items-center gap-x-4 gap-y-2 border-t border-line bg-canvas/95 px-4 py-3 backdrop-blur sm:mx-0 sm:rounded-b-xl sm:px-0">
            <Button type="submit" disabled={retired || Boolean(conflict) || status.kind === 'saving'}>
              Save draft
            </Button>
            <p
              role="status"
              aria-live="polite"
              className={cx('text-sm', status.kind === 'error' ? 'text-danger' : 'text-fg-muted')}
            >
              {statusText}
            </p>
            {conflict ? (
              <Button variant="secondary" size="sm" onClick={showConflict}>
                Show what changed
              </Button>
            ) : null}
            {!conflict && !retired ? <p className="ml-auto hidden text-xs text-fg-muted sm:block">Saves by itself 3 seconds after you stop typing.</p> : null}
          </div>
        </form>
      </div>

      <WorkflowPanel
        draft={draft}
        canReview={canReview}
        canRetire={canRetire}
        beforeStep={() => save('flush')}
        currentVersion={() => versionRef.current}
        afterStep={(next) => {
          versionRef.current = next
          setVersion(next)
        }}
      />
    </div>
  )
}
