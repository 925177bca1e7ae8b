import Link from 'next/link'
import { AUDIENCES, AUDIENCE_LABELS, KIND_LABELS, TRAINING_KINDS } from '@/lib/training/schemas'
import { buttonClasses } from '@/components/ui/button'
import { controlClasses, inputSmClasses, selectSmClasses } from '@/components/training/form-controls'
import { SearchIcon } from '@/components/training/icons'
import { cx } from '@/components/ui/cx'
import { isFiltered, type TrainingSearch } from '@/components/training/search-url'

const label = 'block text-xs font-medium text-fg-muted'

/** A plain GET form: the search lives in the URL, works without script and can be shared. */
export function TrainingSearchForm({ search }: { search: TrainingSearch }) {
  return (
    <form method="get" action="/training" role="search" aria-label="Training library" className="rounded-xl border border-line bg-surface p-4 shadow-xs sm:p-5">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <div className="min-w-0 flex-1">
          <label htmlFor="training-q" className="block text-sm font-medium text-fg">
            Search training
          </label>
          <div className="relative mt-1.5">
            <SearchIcon className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-fg-muted" />
            <input
              id="training-q"
              type="search"
              name="q"
              defaultValue={search.q}
              maxLength={200}
              autoComplete="off"
              placeholder="A task, a tool, a word from the text…"
              className={cx(controlClasses, 'h-11 pr-3 pl-9 text-[0.9375rem]')}
            />
          </div>
        </div>
        <button type="submit" className={buttonClasses({ className: 'h-11 px-5' })}>
          Search
        </button>
      </div>

      <div className="mt-4 grid grid-cols-2 gap-3 md:grid-cols-[repeat(4,minmax(0,1fr))_auto] md:items-end">
        <div>
          <label htmlFor="training-kind" className={label}>
            Kind
          </label>
          <select id="training-kind" name="kind" defaultValue={search.kind ?? ''} className={cx(selectSmClasses, 'mt-1')}>
            <option value="">Any kind</option>
            {TRAINING_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="training-stage" className={label}>
            For
          </label>
          <select id="training-stage" name="stage" defaultValue={search.stage ?? ''} className={cx(selectSmClasses, 'mt-1')}>
            <option value="">Anyone</option>
            {AUDIENCES.map((a) => (
              <option key={a} value={a}>
                {AUDIENCE_LABELS[a]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="training-freshness" className={label}>
            Freshness
          </label>
          <select id="training-freshness" name="freshness" defaultValue={search.freshness} className={cx(selectSmClasses, 'mt-1')}>
            <option value="any">Any</option>
            <option value="fresh">Up to date</option>
            <option value="stale">Needs review</option>
          </select>
        </div>
        <div>
          <label htmlFor="training-tag" className={label}>
            Tag
          </label>
          <input
            id="training-tag"
            type="text"
            name="tag"
            defaultValue={search.tag ?? ''}
            maxLength={40}
            autoComplete="off"
            placeholder="e.g. write tests"
            className={cx(inputSmClasses, 'mt-1')}
          />
        </div>
        <label className="col-span-2 flex h-9 items-center gap-2 text-sm text-fg md:col-span-1">
          <input type="checkbox" name="includeRetired" value="true" defaultChecked={search.includeRetired} className="size-4 accent-(--accent)" />
          Include retired
        </label>
      </div>
      {isFiltered(search) ? (
        <p className="mt-3 text-sm">
          <Link href="/training" className="text-accent-text underline underline-offset-2 hover:no-underline">
            Clear search and filters
          </Link>
        </p>
      ) : null}
    </form>
  )
}
