import Link from 'next/link'
import { AlertIcon } from '@/components/ui/icons'

// Shown to readers of a training module while a model change re-checks it.
export function ModelChangeBanner({ notice }: { notice: { changeId: string; text: string; dueOn: string } | null }) {
  if (!notice) return null
  return (
    <aside role="note" aria-label="Model change" className="flex gap-3 rounded-xl border border-(--warn-line) bg-(--warn-soft) px-4 py-3 text-sm leading-relaxed text-(--warn-fg)">
      <AlertIcon className="mt-0.5 size-4 shrink-0" />
      <div className="min-w-0 space-y-1">
        <p>
          <strong className="font-semibold">Model change:</strong> {notice.text}
        </p>
        <p className="text-fg-muted">
          Re-check due {notice.dueOn}. <Link className="underline" href={`/models/changes/${notice.changeId}`}>About this change</Link>
        </p>
      </div>
    </aside>
  )
}
