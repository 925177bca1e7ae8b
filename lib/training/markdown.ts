import type { Element, Root as HastRoot, Nodes as HastNodes, Parents as HastParents } from 'hast'
import type { Nodes as MdastNodes, Root as MdastRoot } from 'mdast'
import rehypeHighlight from 'rehype-highlight'
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize'
import rehypeStringify from 'rehype-stringify'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { unified } from 'unified'
import { visit, SKIP } from 'unist-util-visit'
import { BODY_MAX_BYTES } from '@/lib/training/schemas'

// Markdown of training modules -> safe HTML. Pure (no database, no Next.js) so API routes, pages and
// unit tests share it. Authors are trusted colleagues, readers are the whole organisation: one
// compromised or careless body must not run script in everybody's session, so:
//   - raw HTML in the Markdown is shown as text, never parsed (no rehype-raw);
//   - the tree is sanitised with a closed allow-list AFTER highlighting, so nothing added by a plugin
//     escapes it;
//   - the only elements added after sanitising (video iframes, rel, ids rewrites) are built by this
//     file from values that already passed the allow-list and a second, stricter URL check.

export const MARKDOWN_MAX_BYTES = BODY_MAX_BYTES

/** Bump when the rendering changes: cached renderings of older versions are then redone. */
export const RENDERER_VERSION = 1

/** Origins the rendered bodies may frame; the CSP needs them in `frame-src`. */
export const VIDEO_EMBED_ORIGINS = ['https://www.youtube-nocookie.com', 'https://player.vimeo.com', 'https://www.loom.com'] as const

/**
 * Every id in a rendered body carries this prefix, so author text can neither collide with the
 * app's own ids (`#main`) nor clobber DOM globals. In-page links (`#setup`) are rewritten to match.
 */
export const ID_PREFIX = 'user-content-'

const EXTERNAL_REL = ['noopener', 'noreferrer', 'nofollow', 'ugc']
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'])
const BLOCK_PARENTS = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition'])

const schema: SanitizeSchema = {
  ...defaultSchema,
  // Only what Markdown + GFM + highlight.js produce; anything else is unwrapped to its text.
  tagNames: [
    'a', 'blockquote', 'br', 'code', 'del', 'em', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'img', 'input',
    'li', 'ol', 'p', 'pre', 'section', 'span', 'strong', 'sup', 'table', 'tbody', 'td', 'th', 'thead', 'tr', 'ul',
  ],
  strip: ['script', 'style', 'iframe', 'object', 'embed', 'template', 'noscript', 'textarea', 'title', 'svg', 'math'],
  attributes: {
    a: ['href', 'title', 'id', 'ariaDescribedBy', 'ariaLabel', 'dataFootnoteRef', 'dataFootnoteBackref'],
    img: ['src', 'alt', 'title'],
    code: [['className', 'hljs', /^language-[\w+#.-]{1,40}$/]],
    // highlight.js scopes: `hljs-keyword`, and sub-scopes such as `hljs-title class_`.
    span: [['className', /^hljs-[\w-]{1,40}$/, /^[a-z]{1,20}_+$/]],
    input: [['type', 'checkbox'], ['disabled', true], 'checked'],
    ol: ['start'],
    li: ['id'],
    td: ['align'],
    th: ['align'],
    section: ['dataFootnotes'],
    h1: ['id'], h2: ['id'], h3: ['id'], h4: ['id'], h5: ['id'], h6: ['id'],
  },
  protocols: { href: ['http', 'https', 'mailto'], src: ['http', 'https'] },
  clobber: ['id', 'name', 'ariaDescribedBy', 'ariaLabelledBy'],
  clobberPrefix: ID_PREFIX,
  allowComments: false,
  allowDoctypes: false,
}

// ---------------------------------------------------------------------------------------------
// URL checks (a second line behind the sanitiser's protocol list, which lets `//host` through).

// Browsers drop these before parsing a URL, so an attacker can hide a scheme behind them.
const URL_NOISE = /[\u0000-\u001f\u007f-\u009f\s]+/g
const HAS_URL_NOISE = /[\u0000-\u001f\u007f-\u009f\s]/
const BASE = 'https://paceline.invalid/'

type LinkTarget = { ok: false } | { ok: true; external: boolean }

/** Links: http(s), mailto, or a relative / fragment reference. */
function checkLinkUrl(raw: string): LinkTarget {
  const url = raw.replace(URL_NOISE, '')
  if (/^[a-z][a-z\d+.-]*:/i.test(url) && !/^(https?|mailto):/i.test(url)) return { ok: false }
  let parsed: URL
  try {
    parsed = new URL(url, BASE)
  } catch {
    return { ok: false }
  }
  if (parsed.protocol === 'mailto:') return { ok: true, external: false }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { ok: false }
  return { ok: true, external: parsed.origin !== new URL(BASE).origin }
}

/** Images: absolute http(s) only (no data:, no relative or protocol-relative tricks). */
function isAllowedImageUrl(raw: string): boolean {
  if (HAS_URL_NOISE.test(raw)) return false
  if (!/^https?:\/\/[^/\\]/i.test(raw)) return false
  try {
    const u = new URL(raw)
    return (u.protocol === 'http:' || u.protocol === 'https:') && !u.username && !u.password
  } catch {
    return false
  }
}

// ---------------------------------------------------------------------------------------------
// Video embeds: allow-listed hosts, strict ids, built after sanitising.

interface VideoEmbed {
  provider: 'YouTube' | 'Vimeo' | 'Loom'
  src: string
}

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/
const VIMEO_ID = /^\d{1,12}$/
const LOOM_ID = /^[0-9a-f]{32}$/

function videoEmbedFor(href: string): VideoEmbed | null {
  let u: URL
  try {
    u = new URL(href)
  } catch {
    return null
  }
  if ((u.protocol !== 'https:' && u.protocol !== 'http:') || u.username || u.password || u.port) return null
  const host = u.hostname.toLowerCase()
  const path = u.pathname.replace(/\/$/, '')
  const seg = path.split('/').slice(1)
  if (host === 'youtube.com' || host === 'www.youtube.com' || host === 'm.youtube.com') {
    const id = path === '/watch' ? u.searchParams.get('v') : seg.length === 2 && seg[0] === 'shorts' ? seg[1] : null
    return id && YOUTUBE_ID.test(id) ? { provider: 'YouTube', src: `https://www.youtube-nocookie.com/embed/${id}` } : null
  }
  if (host === 'youtu.be') {
    return seg.length === 1 && YOUTUBE_ID.test(seg[0]) ? { provider: 'YouTube', src: `https://www.youtube-nocookie.com/embed/${seg[0]}` } : null
  }
  if (host === 'vimeo.com' || host === 'www.vimeo.com') {
    return seg.length === 1 && VIMEO_ID.test(seg[0]) ? { provider: 'Vimeo', src: `https://player.vimeo.com/video/${seg[0]}` } : null
  }
  if (host === 'loom.com' || host === 'www.loom.com') {
    return seg.length === 2 && seg[0] === 'share' && LOOM_ID.test(seg[1]) ? { provider: 'Loom', src: `https://www.loom.com/embed/${seg[1]}` } : null
  }
  return null
}

// ---------------------------------------------------------------------------------------------
// Plugins

function textOf(node: HastNodes): string {
  if (node.type === 'text') return node.value
  if ('children' in node) return node.children.map((c) => textOf(c as HastNodes)).join('')
  return ''
}

function slugifyHeading(text: string): string {
  const slug = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .trim()
    .replace(/\s+/g, '-')
    .slice(0, 80)
  return slug || 'section'
}

/** Stable heading ids: slug of the text, `-1`, `-2`... for repeats (as GitHub does). */
function headingIds() {
  return (tree: HastRoot) => {
    const taken = new Set<string>()
    visit(tree, 'element', (node) => {
      if (typeof node.properties.id === 'string') taken.add(node.properties.id)
    })
    const next = new Map<string, number>()
    visit(tree, 'element', (node) => {
      if (!HEADINGS.has(node.tagName) || node.properties.id != null) return
      const base = slugifyHeading(textOf(node))
      let n = next.get(base) ?? 0
      let id = n === 0 ? base : `${base}-${n}`
      while (taken.has(id)) id = `${base}-${++n}`
      next.set(base, n + 1)
      taken.add(id)
      node.properties.id = id
    })
  }
}

// No attribute value, even an inert one, carries `javascript:` or `vbscript:`: a consumer that
// copies a title into a link, or a filter that greps the output, stays safe.
const SCRIPT_SCHEME = /\b(java|vb)script(\s*):/gi

/** Attribute text (titles, alt): the colon gets a space. */
function inertText(value: string): string {
  return value.replace(URL_NOISE, ' ').replace(SCRIPT_SCHEME, '$1script :')
}

/** An allowed http(s)/relative URL with such a word in its path or query: the colon is escaped. */
function inertUrl(value: string): string {
  return value.replace(SCRIPT_SCHEME, '$1script$2%3A')
}

function videoFigure(link: Element, embed: VideoEmbed, href: string): Element {
  const text = textOf(link).trim()
  // A bare URL says nothing to a screen reader: name the host instead.
  const named = text !== '' && !/^(https?:\/\/|www\.)/i.test(text)
  const frame: Element = {
    type: 'element',
    tagName: 'iframe',
    properties: {
      src: embed.src,
      title: inertText(`Video: ${named ? text : embed.provider}`).slice(0, 200),
      loading: 'lazy',
      allow: 'fullscreen; picture-in-picture',
      allowFullScreen: true,
      referrerPolicy: 'strict-origin-when-cross-origin',
      sandbox: ['allow-scripts', 'allow-same-origin', 'allow-presentation'],
    },
    children: [],
  }
  // The fallback link: for readers whose network or settings block the frame.
  const fallback: Element = {
    type: 'element',
    tagName: 'a',
    properties: { href: inertUrl(href), rel: [...EXTERNAL_REL] },
    children: [{ type: 'text', value: named ? text : `Watch on ${embed.provider}` }],
  }
  return {
    type: 'element',
    tagName: 'figure',
    properties: { className: ['video-embed'] },
    children: [frame, { type: 'element', tagName: 'figcaption', properties: {}, children: [fallback] }],
  }
}

/** The embed for a paragraph holding nothing but one link to an allow-listed video, if any. */
function videoParagraph(p: Element): Element | null {
  const content = p.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''))
  const link = content.length === 1 ? content[0] : null
  if (link?.type !== 'element' || link.tagName !== 'a' || typeof link.properties.href !== 'string') return null
  const href = link.properties.href
  const embed = checkLinkUrl(href).ok ? videoEmbedFor(href) : null
  return embed ? videoFigure(link, embed, href) : null
}

/** Links: re-check the URL, point in-page anchors at the prefixed ids, mark other origins. */
function finishLink(p: Element['properties'], ids: ReadonlySet<string>): void {
  if (typeof p.href !== 'string') return
  const target = checkLinkUrl(p.href)
  if (!target.ok) {
    delete p.href
    return
  }
  if (p.href.startsWith('#')) {
    let fragment = p.href.slice(1)
    try {
      fragment = decodeURIComponent(fragment)
    } catch {
      // malformed escape: keep the fragment as written
    }
    if (!fragment.startsWith(ID_PREFIX) && ids.has(ID_PREFIX + fragment)) p.href = `#${encodeURIComponent(ID_PREFIX + fragment)}`
  }
  p.href = inertUrl(p.href)
  if (target.external) p.rel = [...EXTERNAL_REL]
}

/** Runs on the sanitised tree: URL re-checks, rel, lazy images, anchors, video embeds. */
function finishSafeTree() {
  return (tree: HastRoot) => {
    const ids = new Set<string>()
    visit(tree, 'element', (node) => {
      if (typeof node.properties.id === 'string') ids.add(node.properties.id)
    })

    visit(tree, 'element', (node, index, parent) => {
      const p = node.properties
      if (typeof p.title === 'string') p.title = inertText(p.title)
      if (typeof p.alt === 'string') p.alt = inertText(p.alt)
      if (!parent || index === undefined) return

      if (node.tagName === 'img') {
        if (typeof p.src !== 'string' || !isAllowedImageUrl(p.src)) {
          // A refused image keeps its alt text, so the sentence around it still reads.
          const alt = typeof p.alt === 'string' ? p.alt : ''
          parent.children.splice(index, 1, ...(alt ? [{ type: 'text' as const, value: alt }] : []))
          return [SKIP, index]
        }
        Object.assign(p, { src: inertUrl(p.src), loading: 'lazy', decoding: 'async', referrerPolicy: 'no-referrer' })
      } else if (node.tagName === 'a') {
        finishLink(p, ids)
      } else if (node.tagName === 'p') {
        const figure = videoParagraph(node)
        if (figure) {
          ;(parent as HastParents).children.splice(index, 1, figure)
          return [SKIP, index + 1]
        }
      }
    })
  }
}

// ---------------------------------------------------------------------------------------------
// Processors (built once: registering highlight.js languages is the expensive part).

type HtmlProcessor = { processSync(md: string): { toString(): string } }
let htmlProcessor: HtmlProcessor | null = null

function getHtmlProcessor(): HtmlProcessor {
  htmlProcessor ??= unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRehype, {
      // Raw HTML is shown as text: visible to the author, inert for the reader.
      handlers: {
        html: (_state, node: { value: string }, parent) => {
          const text = { type: 'text' as const, value: node.value }
          return parent && BLOCK_PARENTS.has(parent.type) ? { type: 'element', tagName: 'p', properties: {}, children: [text] } : text
        },
      },
      // The sanitiser prefixes every id once; in-page hrefs are rewritten in finishSafeTree.
      clobberPrefix: '',
    })
    .use(rehypeHighlight, { detect: false })
    .use(headingIds)
    .use(rehypeSanitize, schema)
    .use(finishSafeTree)
    .use(rehypeStringify)
    .freeze()
  return htmlProcessor
}

let mdastParser: ReturnType<typeof createParser> | null = null
function createParser() {
  return unified().use(remarkParse).use(remarkGfm).freeze()
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}

/**
 * Markdown -> sanitised HTML for a module body (synchronous, cached processor). Never throws:
 * a body the parser cannot handle (thousands of nested quotes overflow the stack) is shown as
 * escaped text rather than breaking the page of a published module.
 */
export function renderMarkdown(markdown: string): string {
  try {
    return String(getHtmlProcessor().processSync(markdown))
  } catch {
    return `<pre><code>${escapeHtml(markdown)}</code></pre>`
  }
}

const BLOCK_TYPES = new Set(['paragraph', 'heading', 'listItem', 'blockquote', 'code', 'tableCell', 'tableRow', 'thematicBreak', 'footnoteDefinition'])

/** Markdown -> plain text for previews and snippets: one line, syntax stripped, cut at a word. */
export function markdownToPlainText(markdown: string, maxChars?: number): string {
  const parts: string[] = []
  const walk = (node: MdastNodes) => {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
      case 'code':
        parts.push(node.value)
        break
      case 'image':
        parts.push(node.alt ?? '')
        break
      case 'html':
      case 'definition':
      case 'footnoteReference':
        break
      case 'break':
        parts.push(' ')
        break
      default:
        if ('children' in node) for (const child of node.children) walk(child as MdastNodes)
    }
    if (BLOCK_TYPES.has(node.type)) parts.push(' ')
  }
  try {
    mdastParser ??= createParser()
    walk(mdastParser.parse(markdown) as MdastRoot)
  } catch {
    parts.length = 0
    parts.push(markdown.replace(/[#>*_`~|[\]()!-]+/g, ' '))
  }
  const text = parts.join('').replace(/\s+/g, ' ').trim()
  if (maxChars === undefined || text.length <= maxChars) return text
  if (maxChars <= 1) return text.slice(0, Math.max(0, maxChars))
  const cut = text.slice(0, maxChars - 1)
  const space = cut.lastIndexOf(' ')
  return `${(space > maxChars * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`
}
