import { useId, type InputHTMLAttributes, type Ref } from 'react'
import { cx } from '@/components/ui/cx'

/** A labelled text input. The label is always visible; `hint` is linked with aria-describedby. */
export function TextField({
  label,
  hint,
  id,
  className,
  ref,
  'aria-describedby': describedBy,
  ...props
}: InputHTMLAttributes<HTMLInputElement> & { label: string; hint?: string; ref?: Ref<HTMLInputElement> }) {
  const autoId = useId()
  const inputId = id ?? autoId
  const hintId = hint ? `${inputId}-hint` : undefined
  return (
    <div className={className}>
      <label htmlFor={inputId} className="block text-sm font-medium text-fg">
        {label}
      </label>
      <input
        ref={ref}
        id={inputId}
        aria-describedby={cx(hintId, describedBy) || undefined}
        className={cx(
          'mt-1.5 block h-10 w-full rounded-md border border-line-strong bg-surface px-3 text-sm text-fg shadow-xs',
          'placeholder:text-fg-muted focus-visible:border-focus focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-focus',
          'aria-invalid:border-danger disabled:opacity-60',
        )}
        {...props}
      />
      {hint ? (
        <p id={hintId} className="mt-1.5 text-xs text-fg-muted">
          {hint}
        </p>
      ) : null}
    </div>
  )
}
