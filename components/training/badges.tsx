import type { ReactNode } from 'react'
import { cx } from '@/components/ui/cx'
import { KIND_LABELS, STATUS_LABELS, type ModuleStatus, type TrainingKind } from '@/lib/training/schemas'

// Small labels next to module titles. The words carry the meaning; colour only repeats it.

type Tone = 'neutral' | 'accent' | 'warn' | 'danger' | 'done'

const TONES: Record<Tone, string> = {
  neutral: 'bg-surface-muted text-fg-muted ring-line',
  accent: 'bg-accent-soft text-accent-text ring-accent/30',
  warn: 'bg-(--warn-soft) text-(--warn-fg) ring-(--warn-line)/60',
  danger: 'bg-danger-soft text-danger ring-danger-line',
  done: 'bg-(--done-soft) text-(--done-fg) ring-(--done-fg)/30',
}

export function Badge({ tone = 'neutral', children, className }: { tone?: Tone; children: ReactNode; className?: string }) {
  return (
    <span
      className={cx(
        'inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset',
        TONES[tone],
        className,
      )}
    >
      {children}
    </span>
  )
}

export function KindBadge({ kind }: { kind: TrainingKind }) {
  return <Badge>{KIND_LABELS[kind]}</Badge>
}

/** "Retired" wins over "Needs review": a retired module is not going to be reviewed. */
export function FreshnessBadge({ stale, retired }: { stale: boolean; retired?: boolean }) {
  if (retired) return <Badge tone="danger">Retired</Badge>
  if (stale) return <Badge tone="warn">Needs review</Badge>
  return null
}

const STATUS_TONES: Record<ModuleStatus, Tone> = {
  DRAFT: 'neutral',
  IN_REVIEW: 'warn',
  APPROVED: 'accent',
  PUBLISHED: 'done',
  RETIRED: 'danger',
}

export function StatusBadge({ status }: { status: ModuleStatus }) {
  return <Badge tone={STATUS_TONES[status]}>{STATUS_LABELS[status]}</Badge>
}
