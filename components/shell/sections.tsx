import type { ComponentType, SVGProps } from 'react'
import { BookIcon, ShieldIcon, StepsIcon, SwapIcon, TrendIcon, WalletIcon } from '@/components/ui/icons'

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
    emptyTitle: 'No rollout plan yet',
    emptyBody:
      'Once a leader sets up the plan, each stage will appear here with its teams, its dates and what it has to show before the next stage starts.',
    Icon: StepsIcon,
  },
  training: {
    href: '/training',
    summary:
      'Training written by your own experts: everyday development tasks done with the tools, available on demand, always in its latest version.',
    emptyTitle: 'No training modules yet',
    emptyBody:
      'Published modules will be listed here. Experts write and review each module before it goes out, and revise it when a model change makes it outdated.',
    Icon: BookIcon,
  },
  models: {
    href: '/models',
    summary:
      'Every change of model or model version, handled as a breaking change: what changed, what it affects and what to re-check.',
    emptyTitle: 'No model changes recorded',
    emptyBody:
      'When an expert records a model change, it will appear here with what changed, which prompts, skills and training it may break, and what to re-check before you switch.',
    Icon: SwapIcon,
  },
  outcomes: {
    href: '/outcomes',
    summary:
      'Judge the rollout by its results, each compared with the baseline from before it started: fewer high-severity incidents, more satisfied developers, tech debt repaid and, later, more features shipped.',
    emptyTitle: 'No outcome data yet',
    emptyBody:
      'Trends will appear here once a baseline and the first measurements are in. Until then there is nothing to compare, so nothing is shown.',
    Icon: TrendIcon,
  },
  budget: {
    href: '/budget',
    summary:
      'What the rollout costs, in one place: time and training for people next to licences and usage for the tools.',
    emptyTitle: 'No budget entries yet',
    emptyBody: 'Planned and actual spending will appear here, grouped by what it pays for, once a leader adds the first entries.',
    Icon: WalletIcon,
  },
  admin: {
    href: '/admin',
    summary: 'Accounts, roles and access to Paceline.',
    emptyTitle: 'No administration tools yet',
    emptyBody: 'People, their roles and their teams will be listed and managed here.',
    Icon: ShieldIcon,
  },
} satisfies Record<string, SectionCopy>

export function sectionFor(href: string): SectionCopy | undefined {
  return Object.values(SECTIONS).find((s) => s.href === href)
}
