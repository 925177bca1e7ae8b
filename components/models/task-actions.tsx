import { resolveTaskAction } from '@/lib/models/actions'
import { buttonClasses } from '@/components/ui/button'

// Keep as is / update / retire for one open re-validation task (owner or leader).
export function TaskActions({ task, from }: { task: { id: string; version: number; status: string; type: 'module' | 'skill'; item: { title: string } }, from: string }) {
  if (task.status !== 'OPEN' && task.status !== 'UPDATING') return null
  // One form: the pressed button sends its outcome (a submit button's name and value go with the form).
  return (
    <form action={resolveTaskAction} className="flex flex-wrap gap-2">
      <input type="hidden" name="id" value={task.id} />
      <input type="hidden" name="version" value={task.version} />
      <input type="hidden" name="from" value={from} />
      <button type="submit" name="outcome" value="KEEP" className={buttonClasses({ variant: 'secondary', size: 'sm' })} aria-label={`Keep as is: ${task.item.title}`}>Keep as is</button>
      {task.type === 'module' && task.status === 'OPEN' ? (
        <button type="submit" name="outcome" value="UPDATE" className={buttonClasses({ variant: 'secondary', size: 'sm' })} aria-label={`Update: ${task.item.title}`}>Update</button>
      ) : null}
      <button type="submit" name="outcome" value="RETIRE" className={buttonClasses({ variant: 'ghost', size: 'sm' })} aria-label={`Retire: ${task.item.title}`}>Retire</button>
    </form>
  )
}
