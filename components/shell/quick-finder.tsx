'use client'

import '@/components/training/training.css'
import { useEffect, useId, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react'
import { useRouter } from 'next/navigation'
import { SearchIcon } from '@/components/training/icons'
import { cx } from '@/components/ui/cx'

// The quick finder: Ctrl+K / ⌘K (or the header button) anywhere in the portal opens a modal
// search over the training library; Enter opens the latest version of the highlighted module.
// It reads GET /api/v1/training with the session cookie, like any other same-origin client.

interface FoundModule {
  slug: string
  title: string
  kind: string
  version: number
  stale: boolean
  retired?: boolean
}

const MIN_CHARS = 2
const DEBOUNCE_MS = 150

type SearchState = { kind: 'idle' } | { kind: 'loading' } | { kind: 'done' } | { kind: 'error'; message: string }

export function QuickFinder({ kindLabels }: { kindLabels: Record<string, string> }) {
  const router = useRouter()
  const id = useId()
  const dialogRef = useRef<HTMLDialogElement>(null)
  const inputRef = useRef<HTMLInputElement>(null)
  const returnFocusRef = useRef<HTMLElement | null>(null)
  const abortRef = useRef<AbortController | null>(null)
  const [open, setOpen] = useState(false)
  const [query, setQuery] = useState('')
  const [items, setItems] = useState<FoundModule[]>([])
  const [active, setActive] = useState(0)
  const [search, setSearch] = useState<SearchState>({ kind: 'idle' })
  const [shortcut, setShortcut] = useState('Ctrl K')
  const listId = `${id}-list`
  const optionId = (i: number) => `${id}-option-${i}`

  function openFinder() {
    const dialog = dialogRef.current
    if (!dialog) return
    if (!dialog.open) {
      returnFocusRef.current = document.activeElement instanceof HTMLElement ? document.activeElement : null
      dialog.showModal()
      setOpen(true)
    }
    inputRef.current?.focus()
    inputRef.current?.select()
  }

  function closeFinder() {
    dialogRef.current?.close()
  }

  function onClosed() {
    setOpen(false)
    abortRef.current?.abort()
    const back = returnFocusRef.current
    returnFocusRef.current = null
    if (back?.isConnected) back.focus()
  }

  function go(item: FoundModule) {
    returnFocusRef.current = null
    closeFinder()
    router.push(`/training/${item.slug}`)
  }

  useEffect(() => {
    if (/Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent)) setShortcut('⌘K')
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'k') {
        e.preventDefault()
        openFinder()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  // Search as you type: debounced, from MIN_CHARS, and a newer request aborts the older one.
  useEffect(() => {
    if (!open) return
    const text = query.trim()
    if (text.length < MIN_CHARS) {
      abortRef.current?.abort()
      setItems([])
      setSearch({ kind: 'idle' })
      return
    }
    const timer = setTimeout(async () => {
      abortRef.current?.abort()
      const controller = new AbortController()
      abortRef.current = controller
      setSearch({ kind: 'loading' })
      try {
        const res = await fetch(`/api/v1/training?q=${encodeURIComponent(text)}&pageSize=8`, {
          signal: controller.signal,
          credentials: 'same-origin',
          headers: { Accept: 'application/json' },
        })
        if (res.status === 401) throw new Error('Your session has ended. Sign in again to search.')
        if (!res.ok) throw new Error('Search is not available right now. Try again in a moment.')
        const data = (await res.json()) as { items?: FoundModule[] }
        if (controller.signal.aborted) return
        setItems(data.items ?? [])
        setActive(0)
        setSearch({ kind: 'done' })
      } catch (err) {
        if (controller.signal.aborted) return
        setItems([])
        setSearch({ kind: 'error', message: err instanceof Error && err.message ? err.message : 'Search failed.' })
      }
    }, DEBOUNCE_MS)
    return () => clearTimeout(timer)
  }, [query, open])

  // Keep the highlighted option in view while moving with the arrow keys.
  useEffect(() => {
    if (!items.length) return
    document.getElementById(optionId(active))?.scrollIntoView({ block: 'nearest' })
  }, [active, items])

  function onInputKeyDown(e: ReactKeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault()
      if (!items.length) return
      const step = e.key === 'ArrowDown' ? 1 : -1
      setActive((a) => (a + step + items.length) % items.length)
    } else if (e.key === 'Enter') {
      e.preventDefault()
      const item = items[active]
      if (item) go(item)
    }
  }

  const text = query.trim()
  const statusText =
    text.length < MIN_CHARS
      ? `Type at least ${MIN_CHARS} characters.`
      : search.kind === 'error'
        ? search.message
        : search.kind === 'done'
          ? items.length === 0
            ? 'No match'
            : `${items.length === 1 ? '1 module' : `${items.length} modules`} found`
          : 'Searching…'
  const expanded = items.length > 0

  return (
    <>
      <button
        type="button"
        onClick={openFinder}
        aria-haspopup="dialog"
        aria-keyshortcuts="Control+K Meta+K"
        className={cx(
          'inline-flex h-8 shrink-0 items-center gap-2 rounded-md border border-line bg-surface-muted px-2 text-sm text-fg-muted shadow-xs transition-colors',
          'hover:border-line-strong/60 hover:text-fg sm:px-2.5',
          // Phones: the first header row is full, so the button sits at the end of the section row
          // (below it), over the fade the scrolling nav keeps free there. The header is sticky, hence
          // the positioning context.
          'max-sm:absolute max-sm:top-[3.875rem] max-sm:right-3 max-sm:z-10',
          // xl: one header row, every pixel goes to the nav; icon only, closer to the nav's end.
          'xl:-ml-4',
        )}
        title={`Find training (${shortcut})`}
      >
        <SearchIcon className="size-4" />
        {/* The label shows where the header has room: not on phones, nor next to the one-row nav at xl. */}
        <span className="max-md:sr-only xl:sr-only">Find training</span>
        <kbd aria-hidden="true" className="hidden rounded border border-line bg-surface px-1.5 font-sans text-[0.6875rem] leading-5 text-fg-muted lg:inline xl:hidden">
          {shortcut}
        </kbd>
      </button>

      {/* Named by `title`, not aria-label: the only control labelled "Find training" is the input. */}
      <dialog
        ref={dialogRef}
        title="Find training"
        onClose={onClosed}
        onClick={(e) => {
          if (e.target === e.currentTarget) closeFinder()
        }}
        className={cx(
          'm-auto mt-[10vh] w-[min(40rem,calc(100vw-1.5rem))] max-w-none overflow-hidden rounded-xl border border-line bg-surface p-0 text-fg shadow-2xl',
          'backdrop:bg-black/45',
        )}
      >
        {/* An empty title stops the dialog's title showing as a tooltip over its content. */}
        <div title="" className="flex max-h-[min(34rem,75vh)] flex-col">
          <div className="flex items-center gap-3 border-b border-line px-4">
            <SearchIcon className="size-5 shrink-0 text-fg-muted" />
            <label htmlFor={`${id}-input`} className="sr-only">
              Find training
            </label>
            <input
              ref={inputRef}
              id={`${id}-input`}
              type="text"
              role="combobox"
              aria-expanded={expanded}
              aria-controls={listId}
              aria-autocomplete="list"
              aria-activedescendant={expanded ? optionId(active) : undefined}
              aria-describedby={`${id}-status`}
              autoComplete="off"
              spellCheck={false}
              maxLength={200}
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              onKeyDown={onInputKeyDown}
              placeholder="Find training: a task, a tool, a few letters…"
              className="h-14 min-w-0 flex-1 bg-transparent text-base text-fg outline-none placeholder:text-fg-muted"
            />
            <button
              type="button"
              onClick={closeFinder}
              className="shrink-0 rounded-md border border-line px-1.5 py-0.5 text-xs text-fg-muted hover:text-fg"
            >
              <span aria-hidden="true">Esc</span>
              <span className="sr-only">Close</span>
            </button>
          </div>

          <ul id={listId} role="listbox" aria-label="Matching modules" className={cx('overflow-y-auto p-2', !expanded && 'hidden')}>
            {items.map((item, i) => (
              <li
                key={item.slug}
                id={optionId(i)}
                role="option"
                aria-selected={i === active}
                onMouseMove={() => setActive(i)}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => go(item)}
                className={cx('cursor-pointer rounded-lg px-3 py-2.5', i === active ? 'bg-accent-soft' : 'hover:bg-surface-muted')}
              >
                <span className="block truncate text-sm font-medium text-fg">{item.title}</span>
                <span className="mt-0.5 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-fg-muted">
                  <span>{kindLabels[item.kind] ?? item.kind}</span>
                  <span aria-hidden="true">·</span>
                  <span>v{item.version}</span>
                  {item.stale ? (
                    <span className="rounded-full bg-(--warn-soft) px-1.5 py-px font-medium text-(--warn-fg) ring-1 ring-(--warn-line)/60 ring-inset">
                      Needs review
                    </span>
                  ) : null}
                </span>
              </li>
            ))}
          </ul>

          <div className="flex items-center justify-between gap-3 border-t border-line px-4 py-2.5 text-xs text-fg-muted">
            <p id={`${id}-status`} role="status" className={cx(search.kind === 'error' && 'text-danger')}>
              {open ? statusText : ''}
            </p>
            <p aria-hidden="true" className="hidden sm:block">
              ↑ ↓ to move · Enter to open · Esc to close
            </p>
          </div>
        </div>
      </dialog>
    </>
  )
}
