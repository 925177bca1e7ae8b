'use client'

import { useActionState } from 'react'
import type { ActionResult } from '@/lib/action-result'
import { setTargetAction } from '@/lib/outcomes/actions'
import type { TargetView } from '@/lib/outcomes/targets'
import { buttonClasses } from '@/components/ui/button'

function TargetRow({ target, canEdit }: { target: TargetView; canEdit: boolean }) {
  const [state, action, pending] = useActionState<ActionResult<TargetView> | null, FormData>(setTargetAction, null)
  const current = state?.ok ? state.data : target
  const failed = state && !state.ok ? state : null
  const inputId = `target-${target.metric}`
  return (
    <li className="rounded-lg border border-line p-3" data-metric={target.metric}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <span className="text-sm font-medium text-fg">{target.label}</span>
        <span className="text-sm text-fg-muted">
          {current.percent === null ? 'No target set' : `Target: ${current.percent} % better than baseline`}
        </span>
      </div>
      {current.unsafe ? (
        <p role="alert" className="mt-2 rounded-md border border-danger/40 bg-danger/10 px-3 py-2 text-sm text-fg">
          <strong className="font-semibold">Unsafe target.</strong> {current.warning}
        </p>
      ) : null}
      {canEdit ? (
        <form action={action} className="mt-2 flex flex-wrap items-end gap-2">
          <input type="hidden" name="metric" value={target.metric} />
          <input type="hidden" name="version" value={current.version} />
          <div>
            <label htmlFor={inputId} className="block text-xs font-medium text-fg-muted">Improvement target (%)</label>
            <input id={inputId} name="percent" type="number" inputMode="decimal" min={0.1} max={100} step={0.1} required
              defaultValue={failed?.values?.percent ?? current.percent ?? ''}
              aria-invalid={failed?.fieldErrors?.percent ? true : undefined}
              className="mt-1 block h-9 w-28 rounded-md border border-line-strong bg-surface px-2 text-sm text-fg" />
          </div>
          <button type="submit" disabled={pending} className={buttonClasses({ variant: 'secondary', size: 'sm' })}>
            {pending ? 'Saving…' : 'Save target'}
          </button>
          <p aria-live="polite" className="basis-full text-sm">
            {failed ? <span className="text-danger">{failed.fieldErrors?.percent?.[0] ?? failed.message}</span> : state?.ok ? <span className="text-fg-muted">{state.message}</span> : null}
          </p>
        </form>
      ) : null}
    </li>
  )
}

/** Improvement targets per metric. A sustained 20-30 % is a win; above 30 % is flagged. */
export function TargetsPanel({ targets, canEdit }: { targets: TargetView[]; canEdit: boolean }) {
  return (
    <section aria-labelledby="targets-title" className="rounded-xl border border-line bg-surface p-4 sm:p-5">
      <h2 id="targets-title" className="text-base font-semibold text-fg">Improvement targets</h2>
      <p className="mt-1 max-w-3xl text-sm text-fg-muted">
        A target is the improvement over each group&apos;s pre-rollout baseline that you aim for. A sustained 20-30 % is a
        win; a target above 30 % is flagged as unsafe, because pushing for more invites burnout and gamed numbers.
      </p>
      <ul className="mt-3 grid gap-2 lg:grid-cols-2">
        {targets.map((t) => <TargetRow key={t.metric} target={t} canEdit={canEdit} />)}
      </ul>
    </section>
  )
}
