import { Badge } from '@/components/training/badges'
import { STAGE_LABELS, type Stage } from '@/lib/rollout/rules'

// Words carry the meaning; colour only repeats it.

export function StageBadge({ stage }: { stage: Stage | null }) {
  if (!stage) return <Badge>Not yet in the rollout</Badge>
  return <Badge tone={stage === 'BROAD' ? 'done' : 'accent'}>{STAGE_LABELS[stage]}</Badge>
}

const STATUS: Record<string, { label: string; tone: 'done' | 'danger' | 'warn' | 'neutral' }> = {
  PASS: { label: 'Pass', tone: 'done' },
  FAIL: { label: 'Fail', tone: 'danger' },
  INCONCLUSIVE: { label: 'Inconclusive', tone: 'warn' },
  INFO: { label: 'Context only', tone: 'neutral' },
}

export function GateBadge({ status }: { status: string }) {
  const s = STATUS[status] ?? { label: status, tone: 'neutral' as const }
  return <Badge tone={s.tone}>{s.label}</Badge>
}

const SEVERITY_TONE = { LOW: 'neutral', MEDIUM: 'warn', HIGH: 'danger', CRITICAL: 'danger' } as const
export const SEVERITY_LABELS = { LOW: 'Low', MEDIUM: 'Medium', HIGH: 'High', CRITICAL: 'Critical' } as const
export const FINDING_STATUS_LABELS = { OPEN: 'Open', ADDRESSED: 'Addressed', WONT_FIX: 'Won’t fix' } as const

export function SeverityBadge({ severity }: { severity: keyof typeof SEVERITY_TONE }) {
  return <Badge tone={SEVERITY_TONE[severity]}>{SEVERITY_LABELS[severity]}</Badge>
}

export function FlagBadge({ children }: { children: React.ReactNode }) {
  return <Badge tone="danger">{children}</Badge>
}

export const PHASE_STATUS_LABELS: Record<string, string> = { PLANNED: 'Planned', IN_PROGRESS: 'In progress', GATE_REVIEW: 'Gate review', COMPLETED: 'Completed' }
