import type { Permission, RoleName } from '@/lib/auth/permissions'
import { can } from '@/lib/auth/permissions'

// The portal's sections. The shell shows a section when the user's role holds its permission;
// each page and action checks again on its own (the nav is UX, not security).

export interface NavItem {
  href: string
  label: string
  permission: Permission
}

export const NAV_ITEMS: NavItem[] = [
  // Everyone sees the plan and their own team's status; the planner's pages check more themselves.
  { href: '/rollout', label: 'Rollout', permission: 'home.view' },
  { href: '/training', label: 'Training', permission: 'training.view' },
  { href: '/models', label: 'Model changes', permission: 'models.view' },
  { href: '/surveys', label: 'Pulse surveys', permission: 'surveys.answer' },
  { href: '/outcomes', label: 'Outcomes', permission: 'outcomes.view' },
  { href: '/budget', label: 'Budget', permission: 'budget.view' },
  // Leaders and admins: every change, who made it and when (an access log, not a productivity view).
  { href: '/audit', label: 'Audit log', permission: 'audit.view' },
  { href: '/admin', label: 'Admin', permission: 'admin.access' },
]

export function navFor(role: RoleName): NavItem[] {
  return NAV_ITEMS.filter((item) => can({ role }, item.permission))
}
