// @ts-check
// Pure rendering of an Article into a standalone, script-free HTML
// document, shared by the extension's reader view and the demo page (both
// import this file; neither owns it). The document is shown in an
// <iframe sandbox> without allow-scripts; its own CSP forbids scripts as
// well (defence in depth on top of the sanitizer). The same document,
// saved, is the "Save as HTML" file: its CSS is inline, it loads nothing
// but the article's own images.

/** @typedef {import('../lib/index.d.ts').Article} Article */
/**
 * A forum post, as the core will report it for `pageType: 'forum'`
 * (see {@link articleDocument}).
 * @typedef {{ author?: string | null, publishedTime?: string | null, content: string }} Post
 */
/**
 * An Article as the renderer reads it: the core's fields plus the page type
 * the extraction work adds (`pageType`, `posts`), both optional so that
 * today's core output renders unchanged.
 * @typedef {Article & { pageType?: string | null, posts?: Post[] | null }} RenderArticle
 */
/**
 * @typedef {object} Settings
 * @property {'auto' | 'light' | 'sepia' | 'dark'} theme  auto follows prefers-color-scheme
 * @property {number} fontSize  px, one of FONT_SIZES
 * @property {'serif' | 'sans'} font
 * @property {'narrow' | 'medium' | 'wide'} width
 * @property {number} lineHeight  one of LINE_HEIGHTS
 * @property {number} letterSpacing  em, one of LETTER_SPACINGS
 */

/** @type {Readonly<Settings>} */
export const DEFAULT_SETTINGS = Object.freeze({
  theme: 'auto',
  fontSize: 19,
  font: 'serif',
  width: 'medium',
  lineHeight: 1.6,
  letterSpacing: 0,
});
export const THEMES = /** @type {const} */ (['auto', 'light', 'sepia', 'dark']);
export const FONT_SIZES = [14, 15, 16, 17, 18, 19, 20, 22, 24, 26, 28];
export const WIDTHS = { narrow: '32em', medium: '38em', wide: '48em' };
// 1.6 is the default (Firefox Reader View uses the same); 2.0 helps readers
// who lose the line, 1.3 suits wide columns.
export const LINE_HEIGHTS = [1.3, 1.45, 1.6, 1.8, 2];
// In em: 0.05-0.1 em is what dyslexia guidance suggests trying.
export const LETTER_SPACINGS = [0, 0.02, 0.05, 0.1];

/**
 * The settings with every unknown or out-of-range value replaced by its
 * default (stored settings may come from an older version or be edited).
 * @param {unknown} [s]
 * @returns {Settings}
 */
export function normalizeSettings(s) {
  /** @type {any} */
  const out = { ...DEFAULT_SETTINGS, ...(s && typeof s === 'object' ? s : {}) };
  if (!THEMES.includes(out.theme)) out.theme = DEFAULT_SETTINGS.theme;
  if (!FONT_SIZES.includes(out.fontSize)) out.fontSize = DEFAULT_SETTINGS.fontSize;
  if (!['serif', 'sans'].includes(out.font)) out.font = DEFAULT_SETTINGS.font;
  if (!Object.hasOwn(WIDTHS, out.width)) out.width = DEFAULT_SETTINGS.width;
  if (!LINE_HEIGHTS.includes(out.lineHeight)) out.lineHeight = DEFAULT_SETTINGS.lineHeight;
  if (!LETTER_SPACINGS.includes(out.letterSpacing)) out.letterSpacing = DEFAULT_SETTINGS.letterSpacing;
  for (const k of Object.keys(out)) if (!Object.hasOwn(DEFAULT_SETTINGS, k)) delete out[k];
  return out;
}

/**
 * The next value of `list` after `value` (`step` +1 or -1), clamped at both ends.
 * @template T
 * @param {readonly T[]} list
 * @param {T} value
 * @param {number} step
 * @returns {T}
 */
export function stepIn(list, value, step) {
  const i = list.indexOf(value);
  return list[Math.min(list.length - 1, Math.max(0, (i < 0 ? 0 : i) + step))];
}

/** @param {unknown} s */
export function escapeHtml(s) {
  /** @type {Record<string, string>} */
  const ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
  return String(s ?? '').replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

const LABELS = {
  ad: ['ad', 'ads'],
  'cookie-banner': ['cookie banner', 'cookie banners'],
  'link-list': ['link list', 'link lists'],
  navigation: ['menu', 'menus'],
  'header-footer': ['header/footer', 'headers/footers'],
  share: ['share bar', 'share bars'],
  comments: ['comment section', 'comment sections'],
  newsletter: ['newsletter box', 'newsletter boxes'],
  rating: ['rating widget', 'rating widgets'],
  related: ['related list', 'related lists'],
  hidden: ['hidden element', 'hidden elements'],
  'non-content': ['script/form', 'scripts/forms'],
  boilerplate: ['boilerplate block', 'boilerplate blocks'],
  'outside-article': ['block outside the article', 'blocks outside the article'],
  custom: ['custom match', 'custom matches'],
};

/**
 * "3 ads, 1 cookie banner, 2 link lists" (most first; scripts and page chrome outside the article left out).
 * @param {import('../lib/index.d.ts').Report | null | undefined} report
 */
export function summarizeReport(report) {
  const skip = new Set(['non-content', 'outside-article']);
  const parts = (report?.totals ?? [])
    .filter((t) => t.elements > 0 && !skip.has(t.category))
    .map((t) => {
      const [one, many] = /** @type {Record<string, string[]>} */ (LABELS)[t.category] ?? [t.category, t.category];
      return `${t.elements} ${t.elements === 1 ? one : many}`;
    });
  return parts.length ? `removed: ${parts.join(', ')}` : 'removed: nothing notable';
}

/**
 * @param {string | null | undefined} iso
 * @param {string | null | undefined} [lang]
 */
export function formatDate(iso, lang) {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  try {
    return d.toLocaleDateString(lang || undefined, { year: 'numeric', month: 'long', day: 'numeric' });
  } catch {
    return d.toISOString().slice(0, 10);
  }
}

const CSS = `
:root { --fs: 19px; --width: 38em; --lh: 1.6; --ls: 0em; --font: Georgia, "Times New Roman", serif;
  --bg: #fff; --fg: #1b1b1b; --muted: #5c5c5c; --link: #0b57d0; --rule: #e3e3e3; --hl: #fff3a8; color-scheme: light; }
:root[data-font="sans"] { --font: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
:root[data-theme="sepia"] { --bg: #f4ecd8; --fg: #5b4636; --muted: #6b5645; --link: #7a4206; --rule: #dccfb0; --hl: #ffe58a; }
:root[data-theme="dark"] { --bg: #1c1b22; --fg: #e8e6e3; --muted: #a8a5a0; --link: #8ab4f8; --rule: #3a3944; --hl: #4a4420; color-scheme: dark; }
@media (prefers-color-scheme: dark) {
  :root[data-theme="auto"] { --bg: #1c1b22; --fg: #e8e6e3; --muted: #a8a5a0; --link: #8ab4f8; --rule: #3a3944; --hl: #4a4420; color-scheme: dark; }
}
html { background: var(--bg); color: var(--fg); scrollbar-color: var(--rule) var(--bg); }
body { margin: 0; padding: 2.5em 1.25em 4em; font: var(--fs)/var(--lh) var(--font); letter-spacing: var(--ls); }
main { max-width: var(--width); margin: 0 auto; }
header.reader-header { margin-bottom: 2em; border-bottom: 1px solid var(--rule); padding-bottom: 1em; }
.site { margin: 0 0 .3em; color: var(--muted); font-size: .8em; text-transform: uppercase; letter-spacing: .05em; }
h1 { font-size: 1.8em; line-height: 1.2; margin: 0 0 .4em; }
.meta { margin: 0; color: var(--muted); font-size: .85em; }
.dek { margin: 0 0 .6em; font-size: 1.1em; line-height: 1.45; color: var(--muted); }
a { color: var(--link); }
a:focus-visible { outline: 3px solid var(--link); outline-offset: 2px; border-radius: 2px; }
/* The paragraph being read aloud. */
[data-reading] { background: var(--hl); box-shadow: 0 0 0 .25em var(--hl); border-radius: 2px; }
.posts { display: flex; flex-direction: column; gap: 1.2em; }
.post { border: 1px solid var(--rule); border-radius: 6px; padding: .2em 1em .6em; }
.post-header { display: flex; flex-wrap: wrap; gap: .2em 1em; align-items: baseline; margin: .6em 0 0;
  padding-bottom: .4em; border-bottom: 1px solid var(--rule); font-size: .85em; }
.post-author { margin: 0; font-size: 1em; font-weight: 700; }
.post-time { color: var(--muted); }
img, video, svg, iframe { max-width: 100%; height: auto; }
figure { margin: 1.5em 0; } figcaption { color: var(--muted); font-size: .85em; }
pre { overflow-x: auto; padding: .8em; background: color-mix(in srgb, var(--fg) 7%, transparent); font-size: .85em; }
code { font-size: .9em; } blockquote { margin: 1em 0; padding-left: 1em; border-left: 3px solid var(--rule); color: var(--muted); }
table { border-collapse: collapse; max-width: 100%; overflow-x: auto; display: block; }
td, th { border: 1px solid var(--rule); padding: .3em .5em; }
@media print {
  :root { --bg: #fff; --fg: #000; --muted: #444; --link: #000; }
  body { padding: 0; font-size: 12pt; } main { max-width: none; }
  a { text-decoration: none; } img { break-inside: avoid; }
}
`;

/** The `style` attribute of the reader document's root for `s`. @param {Settings} s */
function rootStyle(s) {
  return `--fs:${s.fontSize}px;--width:${WIDTHS[s.width]};--lh:${s.lineHeight};--ls:${s.letterSpacing}em`;
}

/**
 * The article body. A forum thread (`pageType: 'forum'` with `posts`) shows
 * each post as its own block, its author and time in the block's header;
 * anything else is the sanitized `content` as is.
 * @param {RenderArticle} article
 */
function bodyHtml(article) {
  if (article.pageType === 'forum' && Array.isArray(article.posts) && article.posts.length) {
    const posts = article.posts.map((p, i) => {
      const author = p.author ? escapeHtml(p.author) : 'Anonymous';
      const when = p.publishedTime
        ? `<time class="post-time" datetime="${escapeHtml(p.publishedTime)}">${escapeHtml(formatDate(p.publishedTime, article.lang))}</time>` : '';
      // Each post is labelled by its header so a screen reader lists "post 2 by ..." in the article outline.
      return `<article class="post" aria-labelledby="post-${i}"><header class="post-header">` +
        `<h2 class="post-author" id="post-${i}">${author}</h2>${when}</header>` +
        `<div class="post-body">${p.content ?? ''}</div></article>`;
    });
    return `<section class="posts" aria-label="Posts">${posts.join('')}</section>`;
  }
  return `<article>${article.content}</article>`;
}

/**
 * The reader document for an Article. Text fields are escaped; `content`
 * (and each post's `content`) is the sanitizer's output and is inserted as
 * HTML.
 * @param {RenderArticle} article
 * @param {Partial<Settings> | null} [settings]
 * @param {{ sourceUrl?: string }} [extra] `sourceUrl`: a "Source" link under the header (saved files)
 */
export function articleDocument(article, settings, extra = {}) {
  const s = normalizeSettings(settings);
  const lang = article.lang ? ` lang="${escapeHtml(article.lang)}"` : '';
  const dir = article.dir === 'rtl' || article.dir === 'ltr' ? ` dir="${article.dir}"` : '';
  const meta = [
    article.byline,
    formatDate(article.publishedTime, article.lang),
    article.readingTimeMinutes ? `${article.readingTimeMinutes} min read` : '',
  ].filter(Boolean).map(escapeHtml).join(' · ');
  // The standfirst (meta description) when the article text does not already start with it.
  const dek = article.excerpt && !(article.textContent ?? '').includes(article.excerpt.slice(0, 60)) ? article.excerpt : '';
  const lead = article.leadImage && !article.content.includes(article.leadImage)
    ? `<figure class="lead"><img src="${escapeHtml(article.leadImage)}" alt=""></figure>` : '';
  const source = extra.sourceUrl && /^https?:/i.test(extra.sourceUrl)
    ? `<p class="meta">Source: <a href="${escapeHtml(extra.sourceUrl)}">${escapeHtml(extra.sourceUrl)}</a></p>` : '';
  return `<!DOCTYPE html><html${lang}${dir} data-theme="${s.theme}" data-font="${s.font}"` +
    ` style="${rootStyle(s)}"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'none'; object-src 'none'; ` +
    `img-src http: https: data:; media-src http: https:; style-src 'unsafe-inline'; form-action 'none'">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta name="referrer" content="no-referrer"><base target="_blank">` +
    `<title>${escapeHtml(article.title)}</title><style>${CSS}</style></head><body><main>` +
    `<header class="reader-header">${article.siteName ? `<p class="site">${escapeHtml(article.siteName)}</p>` : ''}` +
    `<h1>${escapeHtml(article.title)}</h1>${dek ? `<p class="dek">${escapeHtml(dek)}</p>` : ''}` +
    `${meta ? `<p class="meta">${meta}</p>` : ''}${source}${lead}</header>` +
    `${bodyHtml(article)}</main></body></html>`;
}

/**
 * Applies settings to an already rendered reader document (same-origin frame).
 * @param {Document} doc
 * @param {Partial<Settings> | null} [settings]
 */
export function applySettings(doc, settings) {
  const s = normalizeSettings(settings);
  const root = doc.documentElement;
  root.dataset.theme = s.theme;
  root.dataset.font = s.font;
  root.setAttribute('style', rootStyle(s));
}

/**
 * A file name for the article: its title without the characters file
 * systems refuse (`/`, `\\`, `:`, `*`, `?`, `"`, `<`, `>`, `|`, controls),
 * at most 100 characters, "article" when nothing is left.
 * @param {string | null | undefined} title
 * @param {string} ext  without the dot
 */
export function fileName(title, ext) {
  const base = String(title ?? '')
    // eslint-disable-next-line no-control-regex
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .slice(0, 100)
    .trim();
  return `${base || 'article'}.${ext}`;
}

/**
 * The Markdown file for an article: a title heading, the byline and source,
 * then the body as the core's `toMarkdown` renders `content`.
 * @param {RenderArticle} article
 * @param {string} bodyMarkdown  `toMarkdown(article.content)`
 * @param {string} [sourceUrl]
 */
export function markdownDocument(article, bodyMarkdown, sourceUrl) {
  const oneLine = (/** @type {string} */ t) => t.replace(/\s+/g, ' ').trim();
  const lines = [`# ${oneLine(article.title || 'Untitled')}`, ''];
  const meta = [article.byline, article.siteName, formatDate(article.publishedTime, article.lang)].filter(Boolean).map((t) => oneLine(String(t)));
  if (meta.length) lines.push(`*${meta.join(' · ')}*`, '');
  if (sourceUrl && /^https?:/i.test(sourceUrl)) lines.push(`Source: <${sourceUrl}>`, '');
  return `${lines.join("\n")}\n${bodyMarkdown.trim()}\n`;
}
