import type { RoleName } from '@/lib/auth/permissions'

// The home page's sentence on what each role does in Paceline.
export const ROLE_INTRO: Record<RoleName, string> = {
  DEVELOPER:
    'Find training that shows everyday development tasks done with the tools, and read Model changes before you switch to a new model version. When a pulse survey opens, you will be asked here; your answers are anonymous.',
  EXPERT:
    'You set the course for everyone else: write and review training, record each model change and what it breaks, and follow how the rollout stages are going.',
  LEADER:
    'Plan the stages of the rollout, follow the outcomes it is judged by, and keep the budget for people and training next to the spend on tools.',
  ADMIN: 'You manage accounts and roles, and you can open every section of the portal.',
}
