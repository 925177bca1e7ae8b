/**
 * A module body, already rendered and sanitised by lib/training/markdown.ts. Headings move one
 * level down (# -> h2): the page's h1 is the module title, and a second h1 from the body would
 * break the outline. Only tag names change, on HTML the sanitiser produced (text has its `<`
 * escaped), so nothing new can be introduced.
 */
export function demoteHeadings(html: string): string {
  return html.replace(/<(\/?)h([1-6])(?=[\s>])/g, (_m, slash: string, level: string) => `<${slash}h${Math.min(6, Number(level) + 1)}`)
}

export function ModuleBody({ html, className }: { html: string; className?: string }) {
  return <div className={['prose-module', className].filter(Boolean).join(' ')} dangerouslySetInnerHTML={{ __html: demoteHeadings(html) }} />
}
