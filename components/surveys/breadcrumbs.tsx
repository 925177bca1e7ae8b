import { Breadcrumbs } from '@/components/ui/breadcrumbs'

/** Where this page sits under Pulse surveys; the last item is the current page. */
export function SurveyBreadcrumbs({ items }: { items: Array<{ href?: string; label: string }> }) {
  const all = [{ href: '/surveys', label: 'Pulse surveys' }, ...items]
  return <Breadcrumbs items={all.map((item, i) => (i === all.length - 1 ? { label: item.label } : item))} />
}
