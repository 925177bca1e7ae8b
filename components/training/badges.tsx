import type { ReactNode } from 'react'
import { cx } from '@/components/ui/cx'
import { KIND_LABELS, STATUS_LABELS, type ModuleStatus, type TrainingKind } from '@/lib/training/schemas'

// Small labels next to module titles. The words carry the meaning; colour only repeats it.

type Tone = 'neutral' | 'accent' | 'warn' | 'danger' | 'done'

// .badge and .badge-<tone> live in globals.css: badges repeat many times on one page.
export function Badge({ tone = 'neutral', children, className }: { tone?: Tone; children: ReactNode; className?: string }) {
  return (
    <span className={cx('badge', `badge-${tone}`, className)}>{children}</span>
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
