import Link from 'next/link'
import { buttonClasses } from '@/components/ui/button'

// The filter form: a plain GET form, so the filters live in the URL (shareable, back button works)
// and it works without JavaScript.

const input = 'mt-1 block h-9 w-full rounded-md border border-line-strong bg-surface px-2 text-sm text-fg aria-invalid:border-danger'

function Field({ name, label, hint, type = 'text', value, errors, list }: { name: string; label: string; hint?: string; type?: string; value?: string; errors?: string[]; list?: string }) {
  const errorId = errors?.length ? `audit-${name}-error` : undefined
  const hintId = hint ? `audit-${name}-hint` : undefined
  return (
    <div>
      <label htmlFor={`audit-${name}`} className="block text-xs font-medium text-fg">
        {label}
      </label>
      <input id={`audit-${name}`} name={name} type={type} defaultValue={value ?? ''} list={list} aria-invalid={errors?.length ? true : undefined} aria-describedby={[hintId, errorId].filter(Boolean).join(' ') || undefined} className={input} />
      {hint ? <p id={hintId} className="mt-1 text-xs text-fg-muted">{hint}</p> : null}
      {errorId ? <p id={errorId} className="mt-1 text-xs text-danger">{errors!.join(' ')}</p> : null}
    </div>
  )
}

export function AuditFilters({ values, errors, entityTypes }: { values: Record<string, string>; errors: Record<string, string[]>; entityTypes: string[] }) {
  return (
    <form method="get" action="/audit" role="search" aria-label="Filter the audit log" className="rounded-xl border border-line bg-surface p-4">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Field name="actor" label="Who" hint="Email, or system / seed / cli" value={values.actor} errors={errors.actor} />
        <Field name="action" label="Action" hint="e.g. user.role.change, or rollout.* for all" value={values.action} errors={errors.action} />
        <Field name="entityType" label="Record type" value={values.entityType} errors={errors.entityType} list="audit-entity-types" />
        <Field name="entityId" label="Record id" value={values.entityId} errors={errors.entityId} />
        <Field name="from" label="From (UTC)" type="date" value={values.from} errors={errors.from} />
        <Field name="to" label="To (UTC, inclusive)" type="date" value={values.to} errors={errors.to} />
        <div className="sm:col-span-2">
          <Field name="q" label="Text in the summary" hint="Searches the before/after details" value={values.q} errors={errors.q} />
        </div>
      </div>
      <datalist id="audit-entity-types">
        {entityTypes.map((t) => (
          <option key={t} value={t} />
        ))}
      </datalist>
      {errors.cursor || errors.limit ? <p className="mt-2 text-xs text-danger">{[...(errors.cursor ?? []), ...(errors.limit ?? [])].join(' ')}</p> : null}
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <button type="submit" className={buttonClasses({ variant: 'primary', size: 'sm' })}>
          Apply filters
        </button>
        <Link href="/audit" className="text-sm underline underline-offset-2">
          Clear
        </Link>
      </div>
    </form>
  )
}
