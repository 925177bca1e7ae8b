import { resolveTaskAction } from '@/lib/models/actions'
import { buttonClasses } from '@/components/ui/button'

// Keep as is / update / retire for one open re-validation task (owner or leader).
export function TaskActions({ task, from }: { task: { id: string; version: number; status: string; type: 'module' | 'skill'; item: { title: string } }, from: string }) {
  if (task.status !== 'OPEN' && task.status !== 'UPDATING') return null
  const hidden = (
    <>
      <input type="hidden" name="id" value={task.id} />
      <input type="hidden" name="version" value={task.version} />
      <input type="hidden" name="from" value={from} />
    </>
  )
  return (
    <div className="flex flex-wrap gap-2">
      <form action={resolveTaskAction}>
        {hidden}
        <input type="hidden" name="outcome" value="KEEP" />
        <button type="submit" className={buttonClasses({ variant: 'secondary', size: 'sm' })} aria-label={`Keep as is: ${task.item.title}`}>Keep as is</button>
      </form>
      {task.type === 'module' && task.status === 'OPEN' ? (
        <form action={resolveTaskAction}>
          {hidden}
          <input type="hidden" name="outcome" value="UPDATE" />
          <button type="submit" className={buttonClasses({ variant: 'secondary', size: 'sm' })} aria-label={`Update: ${task.item.title}`}>Update</button>
        </form>
      ) : null}
      <form action={resolveTaskAction}>
        {hidden}
        <input type="hidden" name="outcome" value="RETIRE" />
        <button type="submit" className={buttonClasses({ variant: 'ghost', size: 'sm' })} aria-label={`Retire: ${task.item.title}`}>Retire</button>
      </form>
    </div>
  )
}
