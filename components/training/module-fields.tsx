import { AUDIENCES, AUDIENCE_LABELS, BODY_MAX_BYTES, KIND_LABELS, TRAINING_KINDS } from '@/lib/training/schemas'
import { MODEL_STATUS_LABELS } from '@/components/training/format'
import { controlClasses, Field, inputClasses, selectClasses, textareaClasses } from '@/components/training/form-controls'
import { cx } from '@/components/ui/cx'

// The fields of a training module, shared by "Write a module" (uncontrolled, submitted without a
// form reset so a failure keeps what was typed) and the editor (controlled, for autosave).

export interface ModelOption {
  id: string
  label: string
  snapshot: string
  status: string
}

/** Field values as the form holds them: tags comma-separated, minutes as typed. */
export interface ModuleFormValues {
  title: string
  summary: string
  kind: string
  tags: string
  stage: string
  estimatedMinutes: string
  body: string
  validatedModelIds: string[]
}

export const EMPTY_MODULE: ModuleFormValues = {
  title: '',
  summary: '',
  kind: '',
  tags: '',
  stage: 'EVERYONE',
  estimatedMinutes: '15',
  body: '',
  validatedModelIds: [],
}

/** Zod reports list items as `tags.3`; show them next to the list's field. */
export function errorFor(errors: Record<string, string[]> | undefined, field: string): string[] | undefined {
  if (!errors) return undefined
  const out = Object.entries(errors)
    .filter(([k]) => k === field || k.startsWith(`${field}.`))
    .flatMap(([, v]) => v)
  return out.length ? [...new Set(out)] : undefined
}

function kilobytes(text: string): string {
  const bytes = new TextEncoder().encode(text).length
  return `${(bytes / 1000).toFixed(bytes < 10_000 ? 1 : 0)} kB of ${BODY_MAX_BYTES / 1000} kB`
}

export function ModuleFields({
  idPrefix,
  values,
  errors,
  models,
  onChange,
  disabled,
  requireKindChoice,
}: {
  idPrefix: string
  values: ModuleFormValues
  errors?: Record<string, string[]>
  models: ModelOption[]
  /** Given: controlled fields reporting every change. Absent: uncontrolled fields. */
  onChange?: (patch: Partial<ModuleFormValues>) => void
  disabled?: boolean
  /** "Choose a kind" as the first option (new modules). */
  requireKindChoice?: boolean
}) {
  const controlled = Boolean(onChange)
  // Controlled: value + onChange; uncontrolled: defaultValue (what was submitted, after a failure).
  const bind = <K extends Exclude<keyof ModuleFormValues, 'validatedModelIds'>>(name: K) =>
    controlled
      ? { name, value: values[name], onChange: (e: { target: { value: string } }) => onChange!({ [name]: e.target.value } as Partial<ModuleFormValues>) }
      : { name, defaultValue: values[name] }
  const id = (name: string) => `${idPrefix}-${name}`
  const err = (name: string) => errorFor(errors, name)

  const toggleModel = (modelId: string, checked: boolean) => {
    const set = new Set(values.validatedModelIds)
    if (checked) set.add(modelId)
    else set.delete(modelId)
    onChange!({ validatedModelIds: models.map((m) => m.id).filter((x) => set.has(x)) })
  }

  return (
    <fieldset disabled={disabled} className="min-w-0 space-y-6">
      <legend className="sr-only">Module</legend>
      <Field id={id('title')} label="Title" error={err('title')}>
        {(f) => (
          <input
            id={f.id}
            type="text"
            autoComplete="off"
            maxLength={200}
            aria-describedby={f.describedBy}
            aria-invalid={f.invalid || undefined}
            className={cx(controlClasses, 'h-10 px-3 text-base font-medium')}
            {...bind('title')}
          />
        )}
      </Field>

      <Field id={id('summary')} label="Summary" hint="One or two sentences: what the reader will be able to do afterwards." error={err('summary')}>
        {(f) => (
          <textarea
            id={f.id}
            rows={3}
            aria-describedby={f.describedBy}
            aria-invalid={f.invalid || undefined}
            className={textareaClasses}
            {...bind('summary')}
          />
        )}
      </Field>

      <div className="grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
        <Field id={id('kind')} label="Kind" error={err('kind')}>
          {(f) => (
            <select id={f.id} aria-describedby={f.describedBy} aria-invalid={f.invalid || undefined} className={selectClasses} {...bind('kind')}>
              {requireKindChoice ? <option value="">Choose a kind</option> : null}
              {TRAINING_KINDS.map((k) => (
                <option key={k} value={k}>
                  {KIND_LABELS[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={id('stage')} label="Who it is for" error={err('stage')}>
          {(f) => (
            <select id={f.id} aria-describedby={f.describedBy} aria-invalid={f.invalid || undefined} className={selectClasses} {...bind('stage')}>
              {AUDIENCES.map((a) => (
                <option key={a} value={a}>
                  {AUDIENCE_LABELS[a]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={id('minutes')} label="Estimated minutes" error={err('estimatedMinutes')}>
          {(f) => (
            <input
              id={f.id}
              type="number"
              inputMode="numeric"
              min={1}
              max={480}
              step={1}
              aria-describedby={f.describedBy}
              aria-invalid={f.invalid || undefined}
              className={cx(inputClasses, 'sm:max-w-40')}
              {...bind('estimatedMinutes')}
            />
          )}
        </Field>
      </div>

      <Field id={id('tags')} label="Tags" hint="Comma-separated development tasks, e.g. write tests, code review, refactor legacy module." error={err('tags')}>
        {(f) => (
          <input
            id={f.id}
            type="text"
            autoComplete="off"
            aria-describedby={f.describedBy}
            aria-invalid={f.invalid || undefined}
            className={inputClasses}
            {...bind('tags')}
          />
        )}
      </Field>

      <Field
        id={id('body')}
        label="Body (Markdown)"
        hint={
          <>
            Headings, lists, tables, code blocks with a language (<code className="font-mono">```ts</code>), images and links by URL. Links to
            YouTube, Vimeo or Loom videos are embedded.{controlled ? <> {kilobytes(values.body)}.</> : null}
          </>
        }
        error={err('body')}
      >
        {(f) => (
          <textarea
            id={f.id}
            rows={22}
            spellCheck
            aria-describedby={f.describedBy}
            aria-invalid={f.invalid || undefined}
            className={cx(controlClasses, 'min-h-80 resize-y px-3 py-2 font-mono text-[0.8125rem] leading-6')}
            {...bind('body')}
          />
        )}
      </Field>

      <fieldset aria-describedby={err('validatedModelIds') ? id('models-error') : id('models-hint')}>
        <legend className="text-sm font-medium text-fg">Validated with</legend>
        <p id={id('models-hint')} className="mt-0.5 text-xs text-fg-muted">
          The exact model versions you checked this module with. When one is retired or replaced, the module is marked for review.
        </p>
        {/* Sent even when every box is unchecked, so "validated with none" can be saved. */}
        <input type="hidden" name="validatedModelIds.present" value="1" />
        {models.length === 0 ? (
          <p className="mt-2 text-sm text-fg-muted">No model versions are registered yet.</p>
        ) : (
          <ul className="mt-2 grid gap-x-6 gap-y-1 sm:grid-cols-2">
            {models.map((m) => {
              const checked = values.validatedModelIds.includes(m.id)
              return (
                <li key={m.id}>
                  <label className="flex items-start gap-2.5 rounded-md py-1.5 text-sm text-fg">
                    <input
                      type="checkbox"
                      name="validatedModelIds"
                      value={m.id}
                      {...(controlled ? { checked, onChange: (e: { target: { checked: boolean } }) => toggleModel(m.id, e.target.checked) } : { defaultChecked: checked })}
                      className="mt-0.5 size-4 shrink-0 accent-(--accent)"
                    />
                    <span className="min-w-0">
                      {m.label} (<span className="font-mono text-[0.8125rem]">{m.snapshot}</span>)
                      {m.status === 'RETIRED' || m.status === 'EVALUATING' ? (
                        <span className="ml-1.5 text-xs text-fg-muted">· {MODEL_STATUS_LABELS[m.status] ?? m.status}</span>
                      ) : null}
                    </span>
                  </label>
                </li>
              )
            })}
          </ul>
        )}
        {err('validatedModelIds') ? (
          <p id={id('models-error')} className="mt-1.5 text-sm text-danger">
            {err('validatedModelIds')!.join(' ')}
          </p>
        ) : null}
      </fieldset>
    </fieldset>
  )
}
