import type { Metadata } from 'next'
import { requirePageUser } from '@/lib/auth/guard'
import { listModelOptions } from '@/lib/training/queries'
import { PageHeader } from '@/components/ui/page-header'
import { Breadcrumbs } from '@/components/ui/breadcrumbs'
import { CreateModuleForm } from '@/components/training/create-module-form'

export const metadata: Metadata = { title: 'Write a module' }

export default async function NewModulePage() {
  const user = await requirePageUser('training.author', '/training/new')
  const models = await listModelOptions(user)

  return (
    <div className="space-y-8">
      <Breadcrumbs items={[{ href: '/training', label: 'Training' }, { label: 'Write a module' }]} />
      <PageHeader
        title="Write a module"
        description="Show a standard development task being done with the tools, step by step. You can save and come back; it is published only after another expert approved it."
      />
      <CreateModuleForm models={models} />
    </div>
  )
}
