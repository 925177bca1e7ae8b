'use client'

import { useActionState, useEffect, useRef, type ReactNode } from 'react'
import type { ActionResult } from '@/lib/action-result'
import { Button } from '@/components/ui/button'
import { cx } from '@/components/ui/cx'
import { FormMessage } from '@/components/training/form-controls'

type Result = ActionResult<Record<string, unknown> | null>
type Action = (prev: Result | null, formData: FormData) => Promise<Result>

/**
 * A form bound to one rollout server action. Shows the outcome in live regions, lists field errors
 * next to the summary and marks the invalid controls; after a failure it puts back everything
 * that was typed (React resets a form after its action), so nothing is lost.
 */
export function ActionForm({
  action,
  submitLabel,
  children,
  className,
  label,
  variant = 'primary',
  fieldLabels = {},
}: {
  action: Action
  submitLabel: string
  children?: ReactNode
  className?: string
  label?: string
  variant?: 'primary' | 'secondary'
  fieldLabels?: Record<string, string>
}) {
  const sent = useRef<Array<[string, string]>>([])
  const [state, formAction, pending] = useActionState<Result | null, FormData>(async (prev, data) => {
    sent.current = [...data.entries()].filter((e): e is [string, string] => typeof e[1] === 'string')
    return action(prev, data)
  }, null)
  const ref = useRef<HTMLFormElement>(null)
  const errors = state && !state.ok ? state.fieldErrors : undefined

  useEffect(() => {
    const form = ref.current
    if (!form || !state || state.ok) return
    const values = new Map<string, string[]>()
    for (const [k, v] of sent.current) values.set(k, [...(values.get(k) ?? []), v])
    for (const el of Array.from(form.elements) as Array<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) {
      if (!el.name || el.type === 'hidden' || el.type === 'submit') continue
      const v = values.get(el.name) ?? []
      if (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio')) el.checked = v.includes(el.value)
      else if (v.length) el.value = v[0]
    }
    for (const el of Array.from(form.elements) as HTMLInputElement[]) {
      if (!el.name) continue
      if (errors?.[el.name]) el.setAttribute('aria-invalid', 'true')
      else el.removeAttribute('aria-invalid')
    }
  }, [state, errors])

  return (
    <form ref={ref} action={formAction} aria-label={label} className={cx('space-y-3', className)}>
      {children}
      {errors ? (
        <ul className="space-y-1 text-sm text-danger">
          {Object.entries(errors).map(([k, msgs]) => (
            <li key={k}>
              <span className="font-medium">{fieldLabels[k] ?? (k === '_' ? '' : k)}</span>
              {k === '_' ? '' : ': '}
              {msgs.join(' ')}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant={variant} size="sm" disabled={pending}>
          {pending ? 'Saving…' : submitLabel}
        </Button>
        <FormMessage result={state} />
      </div>
    </form>
  )
}

/** A labelled control row: label above, control below, hint linked. */
export function Labelled({ id, label, hint, children, className }: { id: string; label: string; hint?: string; children: ReactNode; className?: string }) {
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-fg">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="mt-0.5 text-xs text-fg-muted">
          {hint}
        </p>
      ) : null}
      <div className="mt-1">{children}</div>
    </div>
  )
}
