import type { ReactNode } from 'react'
import { cx } from '@/components/ui/cx'

// Form building blocks of the training pages: one look for inputs, selects and text areas, and
// one way to tie a label, a hint and an error to a control (aria-describedby + aria-invalid).

const CONTROL =
  'block w-full rounded-md border border-line-strong bg-surface text-fg shadow-xs ' +
  'placeholder:text-fg-muted focus-visible:border-focus focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-focus ' +
  'aria-invalid:border-danger disabled:cursor-not-allowed disabled:opacity-60'

// Tailwind does not merge classes: each variant sets size, padding and type once, and one-off
// controls start from `controlClasses` (no size, padding or font size) instead of overriding.
export const inputClasses = cx(CONTROL, 'h-10 px-3 text-sm')
export const selectClasses = cx(CONTROL, 'h-10 px-2.5 text-sm')
export const textareaClasses = cx(CONTROL, 'px-3 py-2 text-sm leading-relaxed')
/** Compact controls for filter bars. */
export const inputSmClasses = cx(CONTROL, 'h-9 px-2.5 text-sm')
export const selectSmClasses = cx(CONTROL, 'h-9 px-2 text-sm')
/** The base without a size, padding or font size, for one-off controls. */
export const controlClasses = CONTROL

export interface FieldIds {
  id: string
  /** Hint and error ids, for aria-describedby (undefined when there are none). */
  describedBy: string | undefined
  invalid: boolean
}

/**
 * A labelled control with an optional hint and error. `children` receives the ids to put on the
 * control, so any input, select or textarea can sit inside.
 */
export function Field({
  id,
  label,
  hint,
  error,
  className,
  children,
}: {
  id: string
  label: ReactNode
  hint?: ReactNode
  error?: string[] | string
  className?: string
  children: (ids: FieldIds) => ReactNode
}) {
  const message = Array.isArray(error) ? error.join(' ') : error
  const hintId = hint ? `${id}-hint` : undefined
  const errorId = message ? `${id}-error` : undefined
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-fg">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="mt-0.5 text-xs text-fg-muted">
          {hint}
        </p>
      ) : null}
      <div className="mt-1.5">{children({ id, describedBy: cx(hintId, errorId) || undefined, invalid: Boolean(message) })}</div>
      <FieldError id={errorId} message={message} />
    </div>
  )
}

export function FieldError({ id, message }: { id?: string; message?: string }) {
  if (!message) return null
  return (
    <p id={id} className="mt-1.5 text-sm text-danger">
      {message}
    </p>
  )
}

/**
 * A form's outcome. Both live regions are always in the page (a region added at the same time as
 * its text is often not announced): successes in role="status", failures in role="alert".
 */
export function FormMessage({ result, className }: { result: { ok: boolean; message?: string } | null | undefined; className?: string }) {
  const ok = result?.ok ? (result.message ?? '') : ''
  const failed = result && !result.ok ? (result.message ?? 'That did not work.') : ''
  return (
    <div className={className}>
      <p role="status" className="text-sm text-fg-muted">
        {ok}
      </p>
      <p role="alert" className="text-sm text-danger">
        {failed}
      </p>
    </div>
  )
}
