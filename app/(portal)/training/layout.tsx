import '@/components/training/markdown.css'
import '@/components/training/training.css'

// Styles of module bodies, diffs and freshness banners, loaded once for every training page.
export default function TrainingLayout({ children }: { children: React.ReactNode }) {
  return children
}
