import type { ComponentType, SVGProps } from 'react'
import { BookIcon, PulseIcon, ShieldIcon, StepsIcon, SwapIcon, TrendIcon, WalletIcon } from '@/components/ui/icons'

// What each section is for, in one sentence, and what its empty state says. The home page cards
// and the section pages read the same text, so a section is described the same way everywhere.
// Labels and links come from lib/navigation.ts; this file only adds words and an icon.

export interface SectionCopy {
  href: string
  summary: string
  emptyTitle: string
  emptyBody: string
  Icon: ComponentType<Omit<SVGProps<SVGSVGElement>, 'children'>>
}

export const SECTIONS = {
  rollout: {
    href: '/rollout',
    summary:
      'Plan the rollout in stages (experts first, then a few pilot teams, then everyone) and decide when a stage is ready for the next.',
    emptyTitle: 'The rollout planner is not available yet',
    emptyBody:
      'Leaders will plan the stages here on a timeline, choose the pilot teams and check each stage’s gate against its live figures before the rollout widens.',
    Icon: StepsIcon,
  },
  training: {
    href: '/training',
    summary:
      'Training written by your own experts: everyday development tasks done with the tools, available on demand, always in its latest version.',
    emptyTitle: 'The training library is not available yet',
    emptyBody:
      'Experts will publish, review and version modules here, and everyone will find the latest version in seconds. Each module is revised when a model change makes it outdated.',
    Icon: BookIcon,
  },
  models: {
    href: '/models',
    summary:
      'Every change of model or model version, handled as a breaking change: what changed, what it affects and what to re-check.',
    emptyTitle: 'The model registry is not available yet',
    emptyBody:
      'Model versions and every change between them will be tracked here as breaking changes: which prompts, skills and training they affect and what has to be re-checked before you switch.',
    Icon: SwapIcon,
  },
  surveys: {
    href: '/surveys',
    summary: 'Short, anonymous pulse surveys on how the tools and the rollout feel. Results are only ever shown for groups of five or more.',
    emptyTitle: 'No pulse survey is open',
    emptyBody: 'When a leader schedules a pulse survey, it appears here for you to answer. Your answers are stored without your name.',
    Icon: PulseIcon,
  },
  outcomes: {
    href: '/outcomes',
    summary:
      'Judge the rollout by its results, each compared with the baseline from before it started: fewer high-severity incidents, more satisfied developers, tech debt repaid and, later, more features shipped.',
    emptyTitle: 'The outcome dashboards are not available yet',
    emptyBody:
      'Each measure will be charted here against the group’s own baseline and against teams not yet in the rollout. Until they are, no figures are shown rather than half-finished ones.',
    Icon: TrendIcon,
  },
  budget: {
    href: '/budget',
    summary:
      'What the rollout costs, in one place: time and training for people next to licences and usage for the tools.',
    emptyTitle: 'The budget view is not available yet',
    emptyBody: 'People and training spend will be shown here beside tool licences and token spend, month by month, with the ratio between them.',
    Icon: WalletIcon,
  },
  admin: {
    href: '/admin',
    summary: 'Accounts, roles and access to Paceline.',
    emptyTitle: 'Nobody to manage yet',
    emptyBody: 'People, their roles and their access are listed and managed here.',
    Icon: ShieldIcon,
  },
} satisfies Record<string, SectionCopy>

export function sectionFor(href: string): SectionCopy | undefined {
  return Object.values(SECTIONS).find((s) => s.href === href)
}
