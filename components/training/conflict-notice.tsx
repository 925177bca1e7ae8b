'use client'

import { AUDIENCE_LABELS, KIND_LABELS, type Audience, type TrainingKind } from '@/lib/training/schemas'
import { Button } from '@/components/ui/button'
import type { ModelOption } from '@/components/training/module-fields'

export interface ConflictInfo {
  message: string
  changed: Array<{ field: string; current: unknown; yours: unknown }>
  currentVersion?: number
}

const LABELS: Record<string, string> = {
  title: 'Title',
  summary: 'Summary',
  kind: 'Kind',
  tags: 'Tags',
  audience: 'Who it is for',
  stage: 'Who it is for',
  estimatedMinutes: 'Estimated minutes',
  body: 'Body (Markdown)',
  validatedModelIds: 'Validated with',
}

function Current({ field, value, models }: { field: string; value: unknown; models: ModelOption[] }) {
  if (field === 'body') {
    const text = String(value ?? '')
    return (
      <details className="mt-1">
        <summary className="cursor-pointer text-sm underline underline-offset-2">Show their body ({text.split('\n').length} lines)</summary>
        <pre className="mt-2 max-h-72 overflow-auto rounded-md border border-line bg-surface p-3 font-mono text-xs whitespace-pre-wrap text-fg">{text}</pre>
      </details>
    )
  }
  let shown: string
  if (field === 'kind') shown = KIND_LABELS[value as TrainingKind] ?? String(value)
  else if (field === 'audience' || field === 'stage') shown = AUDIENCE_LABELS[value as Audience] ?? String(value)
  else if (field === 'validatedModelIds' && Array.isArray(value))
    shown = value.map((id) => models.find((m) => m.id === id)).map((m) => (m ? `${m.label} (${m.snapshot})` : 'an unknown model')).join(', ') || '(none)'
  else if (Array.isArray(value)) shown = value.join(', ') || '(none)'
  else shown = value === null || value === undefined || value === '' ? '(empty)' : String(value)
  return <span className="break-words whitespace-pre-wrap text-fg">{shown}</span>
}

/**
 * The later of two concurrent saves was refused. Says what the other person changed (their current
 * values) and leaves every field as this person typed it, to copy from before loading theirs.
 */
export function ConflictNotice({
  conflict,
  models,
  onLoadTheirs,
  ref,
}: {
  conflict: ConflictInfo
  models: ModelOption[]
  onLoadTheirs: () => void
  ref?: React.Ref<HTMLDivElement>
}) {
  return (
    <div ref={ref} id="draft-conflict" tabIndex={-1} role="alert" className="scroll-mt-24 space-y-3 rounded-xl border border-danger-line bg-danger-soft p-4 text-sm outline-none">
      <h2 className="text-base font-semibold text-danger">Someone else saved this module since you opened it</h2>
      <p className="text-fg">
        Autosave is paused and your changes are not saved. Everything you typed is still in the fields below: copy what you need, load their
        version, then apply your changes again.
      </p>
      {conflict.changed.length ? (
        <div>
          <p className="font-medium text-fg">Where their version differs from yours (their current text):</p>
          <dl className="mt-2 space-y-2">
            {conflict.changed.map((c) => (
              <div key={c.field} className="rounded-md border border-danger-line/70 bg-surface/60 px-3 py-2">
                <dt className="text-xs font-semibold text-fg-muted">{LABELS[c.field] ?? c.field}</dt>
                <dd className="mt-0.5">
                  <Current field={c.field} value={c.current} models={models} />
                </dd>
              </div>
            ))}
          </dl>
        </div>
      ) : (
        <p className="text-fg">Their save changed the module’s state (for example its review status), not the fields you edited.</p>
      )}
      <Button variant="secondary" size="sm" onClick={onLoadTheirs}>
        Load their version
      </Button>
    </div>
  )
}
