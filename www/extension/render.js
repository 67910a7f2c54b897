// Pure rendering of an Article into a standalone, script-free HTML
// document, shared by the extension's reader view and the demo page. The
// document is shown in an <iframe sandbox> without allow-scripts; its own
// CSP forbids scripts as well (defence in depth on top of the sanitizer).

export const DEFAULT_SETTINGS = Object.freeze({
  theme: 'auto', // auto (follows prefers-color-scheme) | light | sepia | dark
  fontSize: 19, // px
  font: 'serif', // serif | sans
  width: 'medium', // narrow | medium | wide
});
export const FONT_SIZES = [14, 15, 16, 17, 18, 19, 20, 22, 24, 26, 28];
export const WIDTHS = { narrow: '32em', medium: '38em', wide: '48em' };

export function normalizeSettings(s) {
  const out = { ...DEFAULT_SETTINGS, ...(s || {}) };
  if (!['auto', 'light', 'sepia', 'dark'].includes(out.theme)) out.theme = DEFAULT_SETTINGS.theme;
  if (!FONT_SIZES.includes(out.fontSize)) out.fontSize = DEFAULT_SETTINGS.fontSize;
  if (!['serif', 'sans'].includes(out.font)) out.font = DEFAULT_SETTINGS.font;
  if (!(out.width in WIDTHS)) out.width = DEFAULT_SETTINGS.width;
  return out;
}

export function escapeHtml(s) {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
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

/** "3 ads, 1 cookie banner, 2 link lists" (most first; scripts and page chrome outside the article left out). */
export function summarizeReport(report) {
  const skip = new Set(['non-content', 'outside-article']);
  const parts = (report?.totals ?? [])
    .filter((t) => t.elements > 0 && !skip.has(t.category))
    .map((t) => {
      const [one, many] = LABELS[t.category] ?? [t.category, t.category];
      return `${t.elements} ${t.elements === 1 ? one : many}`;
    });
  return parts.length ? `removed: ${parts.join(', ')}` : 'removed: nothing notable';
}

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
:root { --fs: 19px; --width: 38em; --font: Georgia, "Times New Roman", serif;
  --bg: #fff; --fg: #1b1b1b; --muted: #5c5c5c; --link: #0b57d0; --rule: #e3e3e3; color-scheme: light; }
:root[data-font="sans"] { --font: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
:root[data-theme="sepia"] { --bg: #f4ecd8; --fg: #5b4636; --muted: #7a6552; --link: #8a4b08; --rule: #dccfb0; }
:root[data-theme="dark"] { --bg: #1c1b22; --fg: #e8e6e3; --muted: #a8a5a0; --link: #8ab4f8; --rule: #3a3944; color-scheme: dark; }
@media (prefers-color-scheme: dark) {
  :root[data-theme="auto"] { --bg: #1c1b22; --fg: #e8e6e3; --muted: #a8a5a0; --link: #8ab4f8; --rule: #3a3944; color-scheme: dark; }
}
html { background: var(--bg); color: var(--fg); }
body { margin: 0; padding: 2.5em 1.25em 4em; font: var(--fs)/1.6 var(--font); }
main { max-width: var(--width); margin: 0 auto; }
header.reader-header { margin-bottom: 2em; border-bottom: 1px solid var(--rule); padding-bottom: 1em; }
.site { margin: 0 0 .3em; color: var(--muted); font-size: .8em; text-transform: uppercase; letter-spacing: .05em; }
h1 { font-size: 1.8em; line-height: 1.2; margin: 0 0 .4em; }
.meta { margin: 0; color: var(--muted); font-size: .85em; }
.dek { margin: 0 0 .6em; font-size: 1.1em; line-height: 1.45; color: var(--muted); }
a { color: var(--link); }
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

/**
 * The reader document for an Article. Text fields are escaped; `content`
 * is the sanitizer's output and is inserted as HTML.
 */
export function articleDocument(article, settings) {
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
  return `<!DOCTYPE html><html${lang}${dir} data-theme="${s.theme}" data-font="${s.font}"` +
    ` style="--fs:${s.fontSize}px;--width:${WIDTHS[s.width]}"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'none'; object-src 'none'; ` +
    `img-src http: https: data:; media-src http: https:; style-src 'unsafe-inline'; form-action 'none'">` +
    `<meta name="referrer" content="no-referrer"><base target="_blank">` +
    `<title>${escapeHtml(article.title)}</title><style>${CSS}</style></head><body><main>` +
    `<header class="reader-header">${article.siteName ? `<p class="site">${escapeHtml(article.siteName)}</p>` : ''}` +
    `<h1>${escapeHtml(article.title)}</h1>${dek ? `<p class="dek">${escapeHtml(dek)}</p>` : ''}` +
    `${meta ? `<p class="meta">${meta}</p>` : ''}${lead}</header>` +
    `<article>${article.content}</article></main></body></html>`;
}

/** Applies settings to an already rendered reader document (same-origin frame). */
export function applySettings(doc, settings) {
  const s = normalizeSettings(settings);
  const root = doc.documentElement;
  root.dataset.theme = s.theme;
  root.dataset.font = s.font;
  root.style.setProperty('--fs', `${s.fontSize}px`);
  root.style.setProperty('--width', WIDTHS[s.width]);
}
