// The extension scenarios every browser runs (Chromium through Playwright,
// Firefox through puppeteer-core over WebDriver BiDi). They only use what
// both drivers' Page and Frame objects share: goto, reload, evaluate,
// click, focus, keyboard, frames()/childFrames(), screenshot.
import assert from 'node:assert/strict';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { SEED_EXPECTED, FORUM_ARTICLE } from './server.mjs';
import { articleDocument } from '../shared/render.js';
import { SHOTS } from './paths.mjs';

// expected.txt: title, subtitle, body paragraphs.
export const [TITLE, SUBTITLE, ...BODY] = (await readFile(SEED_EXPECTED, 'utf8'))
  .split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
const AXE_SOURCE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls `fn` until truthy. Generous deadline: CI is a busy 2-core machine. */
export async function until(fn, what, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try { last = await fn(); } catch (e) { last = e; }
    if (last && !(last instanceof Error)) return last;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`);
    await sleep(50);
  }
}

/** The reader frame (extension page) and the sandboxed article frame inside it, once rendered. */
export async function readerFrames(page) {
  return until(async () => {
    // Asked of each frame, not read from frame.url(): over BiDi, Firefox
    // leaves an extension iframe's URL at about:blank in the frame tree.
    let reader = null;
    for (const f of page.frames()) {
      if (f === page.mainFrame()) continue;
      if (await f.evaluate(() => location.pathname.endsWith('/reader.html')).catch(() => false)) { reader = f; break; }
    }
    if (!reader) return null;
    const ready = await reader.evaluate(() => document.documentElement.dataset.ready === 'true').catch(() => false);
    const article = reader.childFrames()[0];
    if (!ready || !article) return null;
    // The article frame has rendered its document (not the initial about:blank).
    const rendered = await article.evaluate(() => !!document.querySelector('main')).catch(() => false);
    return rendered ? { reader, article } : null;
  }, 'the reader view');
}

export async function readerClosed(page) {
  await until(() => page.evaluate(() => !document.querySelector('declutter-reader')), 'the reader view to close');
}

/** Sets a <select> as a user would and fires `change`. */
export async function choose(frame, selector, value) {
  await frame.evaluate(([sel, v]) => {
    const el = document.querySelector(sel);
    el.value = v;
    el.dispatchEvent(new Event('change', { bubbles: true }));
  }, [selector, value]);
}

/**
 * axe-core in `frame` (not into its subframes: each frame is checked on
 * its own). Returns the serious and critical violations, summarized.
 * `scratch()` opens a blank page: a sandboxed frame without allow-scripts
 * (the article) runs no timers in Chromium, and axe needs them, so there
 * the same document is checked in a scratch page instead.
 */
export async function axeViolations(frame, scratch, exclude = []) {
  const timersRun = await Promise.race([
    frame.evaluate(() => new Promise((r) => setTimeout(() => r(true), 0))).catch(() => false),
    sleep(3000).then(() => false),
  ]);
  if (!timersRun) {
    const html = await frame.evaluate(() => `<!DOCTYPE html>${document.documentElement.outerHTML}`);
    const page = await scratch();
    try {
      await page.setContent(html);
      return await axeViolations(page.mainFrame(), scratch, exclude);
    } finally {
      await page.close();
    }
  }
  await frame.evaluate(AXE_SOURCE);
  const result = await frame.evaluate(async (ex) => {
    // eslint-disable-next-line no-undef
    const r = await axe.run({ exclude: ex.map((s) => [s]) }, { iframes: false, resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')), help: v.help }));
  }, exclude);
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/**
 * Stands a recorder in for speechSynthesis in the reader frame: it logs
 * every call and plays utterances only when the test says so
 * (`__speech.finish()` ends the current one and starts the next), firing
 * the same `start`/`end` events a real engine fires.
 */
function installSpeechStub() {
  const log = [];
  const queue = [];
  let current = null;
  const next = () => {
    current = queue.shift() ?? null;
    current?.dispatchEvent(new Event('start'));
  };
  const stub = {
    get speaking() { return !!current; },
    paused: false,
    pending: false,
    speak(u) { log.push({ op: 'speak', text: u.text, rate: u.rate }); queue.push(u); if (!current) next(); },
    cancel() {
      log.push({ op: 'cancel' });
      queue.length = 0;
      const c = current;
      current = null;
      c?.dispatchEvent(new Event('end'));
    },
    pause() { log.push({ op: 'pause' }); this.paused = true; },
    resume() { log.push({ op: 'resume' }); this.paused = false; },
    getVoices() { return []; },
    addEventListener() {},
    removeEventListener() {},
  };
  Object.defineProperty(window, 'speechSynthesis', { value: stub, configurable: true });
  window.__speech = {
    log,
    finish() { const c = current; current = null; c?.dispatchEvent(new Event('end')); next(); },
    current: () => current?.text ?? null,
  };
}

/**
 * Registers the shared scenarios.
 * env: { name, open(path) -> page, newPage() -> blank page, toggle(page) -> reply, resetSettings() }
 */
export function defineScenarios(test, env) {
  const shot = (name) => path.join(SHOTS, `${env.name}-${name}.png`);

  test(`[${env.name}] toggle on and back: DOM byte-identical, typed input and scroll kept`, async () => {
    const page = await env.open('/seed.html');
    await page.focus('input[type=email]');
    await page.keyboard.type('lettore@example.com');
    // Firefox scrolls to the caret of the field just typed in, late (up to
    // a second after the last key): scroll away only once that has happened.
    const scrollBefore = await until(async () => {
      await page.evaluate(() => window.scrollTo(0, 700));
      await sleep(300);
      const y = await page.evaluate(() => window.scrollY);
      return y === 700 ? y : null;
    }, 'the page to stay scrolled at 700 px');
    assert.ok(scrollBefore > 0, 'the seed page scrolls');
    const domBefore = await page.evaluate(() => document.documentElement.outerHTML);

    assert.equal((await env.toggle(page)).state, 'opened');
    const { article } = await readerFrames(page);
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).display), 'none');
    const text = await article.evaluate(() => document.body.innerText);
    for (const para of [TITLE, SUBTITLE, ...BODY]) assert.ok(text.includes(para.slice(0, 70)), `missing: ${para.slice(0, 50)}`);
    assert.ok(!text.includes('EU Stories') && !text.includes('Accetta'), 'clutter in the reader view');

    assert.equal((await env.toggle(page)).state, 'closed');
    await readerClosed(page);
    assert.equal(await page.evaluate(() => document.documentElement.outerHTML), domBefore);
    assert.equal(await page.evaluate(() => document.querySelector('input[type=email]').value), 'lettore@example.com');
    assert.equal(await page.evaluate(() => window.scrollY), scrollBefore);
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).display), 'block');
    await page.close();
  });

  test(`[${env.name}] a page with CSP script-src 'self' still toggles`, async () => {
    const page = await env.open('/strict.html');
    const reply = await env.toggle(page);
    assert.equal(reply.state, 'opened', JSON.stringify(reply));
    const { article } = await readerFrames(page);
    assert.match(await article.evaluate(() => document.body.innerText), /Nuovo incontro a Roma/);
    await page.close();
  });

  test(`[${env.name}] theme, font, size, line height and letter spacing persist across a reload`, async () => {
    let page = await env.open('/seed.html');
    await env.toggle(page);
    let { reader, article } = await readerFrames(page);
    const style = () => article.evaluate(() => {
      const cs = getComputedStyle(document.body);
      return { bg: getComputedStyle(document.documentElement).backgroundColor, size: cs.fontSize, font: cs.fontFamily,
        lineHeight: cs.lineHeight, letterSpacing: cs.letterSpacing };
    });
    await reader.click('[data-testid=theme-light]');
    await until(async () => (await style()).bg === 'rgb(255, 255, 255)', 'light theme');
    const before = await style();
    await reader.click('[data-testid=theme-sepia]');
    await reader.click('[data-testid=font-larger]');
    await reader.click('[data-testid=font-toggle]');
    await choose(reader, '[data-testid=line-height]', '2');
    await choose(reader, '[data-testid=letter-spacing]', '0.05');
    const changed = await until(async () => {
      const s = await style();
      return s.bg === 'rgb(244, 236, 216)' && parseFloat(s.lineHeight) > parseFloat(before.lineHeight) ? s : null;
    }, 'the new settings in the article');
    assert.ok(parseFloat(changed.size) > parseFloat(before.size), `${changed.size} > ${before.size}`);
    assert.notEqual(changed.font, before.font);
    // line-height 2 and 0.05em spacing, at the new font size.
    assert.ok(Math.abs(parseFloat(changed.lineHeight) - 2 * parseFloat(changed.size)) < 1, `${changed.lineHeight} vs ${changed.size}`);
    assert.ok(Math.abs(parseFloat(changed.letterSpacing) - 0.05 * parseFloat(changed.size)) < 0.2, `${changed.letterSpacing}`);

    await page.reload({ waitUntil: 'load' });
    await env.toggle(page);
    ({ reader, article } = await readerFrames(page));
    assert.deepEqual(await style(), changed);
    assert.equal(await reader.evaluate(() => document.querySelector('[data-testid=theme-sepia]').getAttribute('aria-checked')), 'true');
    assert.equal(await reader.evaluate(() => document.querySelector('[data-testid=line-height]').value), '2');
    await env.resetSettings();
    await page.close();
  });

  test(`[${env.name}] read aloud: the article's blocks queued in order, highlighted; pause and stop work`, async () => {
    const page = await env.open('/seed.html');
    await env.toggle(page);
    const { reader, article } = await readerFrames(page);
    await reader.evaluate(installSpeechStub);
    await reader.click('[data-testid=speak]');
    const spoken = await until(() => reader.evaluate(() => window.__speech.log.filter((e) => e.op === 'speak').map((e) => e.text)), 'utterances');
    // The title first, then every paragraph of the article in order, nothing of the clutter.
    assert.equal(spoken[0], TITLE);
    let at = 0;
    for (const para of [SUBTITLE, ...BODY]) {
      const i = spoken.findIndex((t, k) => k > at && t.startsWith(para.slice(0, 60)));
      assert.ok(i > at, `not read in order: ${para.slice(0, 50)}\n${spoken.join('\n')}`);
      at = i;
    }
    assert.ok(!spoken.some((t) => /EU Stories|Accetta|Valuta la qualità/.test(t)), 'clutter read aloud');
    const highlighted = () => article.evaluate(() => [...document.querySelectorAll('[data-reading]')].map((e) => e.textContent.replace(/\s+/g, ' ').trim()));
    assert.deepEqual(await highlighted(), [TITLE]);
    // The engine moves on: the highlight follows, and the block is scrolled into view.
    const target = spoken.findIndex((t) => t.startsWith(BODY.at(-1).slice(0, 60)));
    for (let i = 0; i < target; i++) await reader.evaluate(() => window.__speech.finish());
    assert.deepEqual(await highlighted(), [spoken[target]]);
    const inView = await article.evaluate(() => {
      const r = document.querySelector('[data-reading]').getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, h: innerHeight, scrolled: scrollY };
    });
    assert.ok(inView.scrolled > 0 && inView.top >= 0 && inView.top < inView.h, JSON.stringify(inView));
    await page.screenshot({ path: shot('read-aloud') });

    // Pause: the engine is paused, nothing new is queued, the button says Resume.
    const speaksBefore = spoken.length;
    await reader.click('[data-testid=speak]');
    const log = () => reader.evaluate(() => window.__speech.log);
    assert.equal((await log()).at(-1).op, 'pause');
    assert.equal(await reader.evaluate(() => document.querySelector('[data-testid=speak]').dataset.state), 'paused');
    await reader.click('[data-testid=speak]');
    assert.equal((await log()).at(-1).op, 'resume');
    assert.equal((await log()).filter((e) => e.op === 'speak').length, speaksBefore);
    // Stop: cancelled, no highlight, and a later engine event changes nothing.
    await reader.click('[data-testid=speak-stop]');
    assert.equal((await log()).at(-1).op, 'cancel');
    assert.deepEqual(await highlighted(), []);
    await reader.evaluate(() => window.__speech.finish());
    assert.deepEqual(await highlighted(), []);
    assert.equal(await reader.evaluate(() => document.querySelector('[data-testid=speak]').dataset.state), 'stopped');
    // A faster speed applies to what is queued next.
    await choose(reader, '[data-testid=speak-rate]', '1.5');
    await reader.click('[data-testid=speak]');
    const last = (await log()).filter((e) => e.op === 'speak').at(-1);
    assert.equal(last.rate, 1.5);
    await reader.click('[data-testid=speak-stop]');
    await page.close();
  });

  test(`[${env.name}] save as HTML and Markdown (named after the title), copy as Markdown`, async () => {
    const page = await env.open('/seed.html');
    await env.toggle(page);
    const { reader } = await readerFrames(page);
    // Record downloads (the anchor click) and clipboard writes instead of performing them.
    await reader.evaluate(() => {
      window.__saved = [];
      HTMLAnchorElement.prototype.click = function click() {
        const { download, href } = this;
        window.__saved.push(fetch(href).then((r) => r.text()).then((text) => ({ download, text })));
      };
      Object.defineProperty(navigator, 'clipboard', { value: { writeText: async (t) => { window.__copied = t; } }, configurable: true });
    });
    const saved = async (n) => {
      await until(() => reader.evaluate((k) => window.__saved.length >= k, n), `download ${n}`);
      return reader.evaluate((k) => window.__saved[k - 1], n);
    };
    await reader.click('[data-testid=save-html]');
    const html = await saved(1);
    assert.equal(html.download, `${TITLE}.html`);
    assert.match(html.text, /^<!DOCTYPE html>/);
    assert.ok(html.text.includes(BODY[0].slice(0, 80)));
    assert.ok(!/<script|<link rel="stylesheet"/i.test(html.text), 'self-contained, script-free');
    assert.match(html.text, /<style>/);
    await reader.click('[data-testid=save-md]');
    const md = await saved(2);
    assert.equal(md.download, `${TITLE}.md`);
    assert.ok(md.text.startsWith(`# ${TITLE}\n`), md.text.slice(0, 200));
    assert.ok(md.text.includes(BODY[1].slice(0, 80)), md.text.slice(0, 600));
    assert.ok(!md.text.includes('<p>'), 'Markdown, not HTML');
    await reader.click('[data-testid=copy-md]');
    const copied = await until(() => reader.evaluate(() => window.__copied), 'clipboard');
    assert.equal(copied, md.text);
    assert.match(await reader.evaluate(() => document.querySelector('[data-testid=status]').textContent), /Copied/);
    await page.close();
  });

  test(`[${env.name}] keyboard: shortcuts, help overlay, visible focus; axe finds nothing serious`, async () => {
    const page = await env.open('/seed.html');
    await env.toggle(page);
    const { reader, article } = await readerFrames(page);
    const size = () => article.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    const s0 = await size();
    await article.focus('body').catch(() => {});
    await article.evaluate(() => window.focus());
    await page.keyboard.press('+');
    await until(async () => (await size()) > s0, 'larger text from +');
    await page.keyboard.press('-');
    await until(async () => (await size()) === s0, 'smaller text from -');
    const theme = () => article.evaluate(() => document.documentElement.dataset.theme);
    const t0 = await theme();
    await page.keyboard.press('t');
    await until(async () => (await theme()) !== t0, 'next theme from t');
    // The help overlay lists every shortcut; Esc closes it first, then the reader.
    await page.keyboard.press('?');
    await until(() => reader.evaluate(() => document.getElementById('help').open), 'help overlay');
    const listed = await reader.evaluate(() => [...document.querySelectorAll('[data-testid=help-list] dt')].map((d) => d.textContent));
    assert.deepEqual(listed, ['+', '−', 'T', 'R', '?', 'Esc']);
    assert.deepEqual(await axeViolations(reader, env.newPage), [], 'axe: reader with the help overlay');
    await page.keyboard.press('Escape');
    await until(() => reader.evaluate(() => !document.getElementById('help').open), 'help closed');
    assert.equal(await page.evaluate(() => !!document.querySelector('declutter-reader')), true, 'Esc closed the help, not the reader');

    // Tab walks the toolbar; each control shows a focus ring.
    await reader.evaluate(() => { document.activeElement?.blur(); window.focus(); });
    await reader.focus('[data-testid=theme-auto]');
    const seen = [];
    for (let i = 0; i < 8; i++) {
      const f = await reader.evaluate(() => {
        const el = document.activeElement;
        const cs = getComputedStyle(el);
        return { id: el.dataset.testid ?? el.id ?? el.tagName, outline: cs.outlineStyle, width: parseFloat(cs.outlineWidth) };
      });
      seen.push(f);
      await page.keyboard.press('Tab');
    }
    assert.equal(new Set(seen.map((f) => f.id)).size, seen.length, `Tab moves on: ${JSON.stringify(seen)}`);
    for (const f of seen.slice(1)) assert.ok(f.outline !== 'none' && f.width >= 2, `no visible focus on ${f.id}: ${JSON.stringify(f)}`);

    // axe-core on the reader page and on the article, in every theme that differs.
    for (const t of ['light', 'dark', 'sepia']) {
      await reader.click(`[data-testid=theme-${t}]`);
      await until(() => article.evaluate((x) => document.documentElement.dataset.theme === x, t), `theme ${t}`);
      assert.deepEqual(await axeViolations(reader, env.newPage), [], `axe: reader toolbar (${t})`);
      assert.deepEqual(await axeViolations(article, env.newPage), [], `axe: article (${t})`);
      await page.screenshot({ path: shot(`reader-${t}`) });
    }
    await env.resetSettings();
    await page.keyboard.press('Escape');
    await readerClosed(page);
    await page.close();
  });

  test(`[${env.name}] a forum thread shows each post with its author as its own block (pageType fixture)`, async () => {
    // The core does not report pageType yet: the reader frame is given the
    // document the renderer makes for a forum Article (fixture), in the
    // real reader view (toolbar, sandboxed frame, settings).
    const forum = JSON.parse(await readFile(FORUM_ARTICLE, 'utf8'));
    const page = await env.open('/seed.html');
    await env.toggle(page);
    const { reader } = await readerFrames(page);
    await reader.click('[data-testid=theme-light]');
    await reader.evaluate((html) => { document.getElementById('article').srcdoc = html; }, articleDocument(forum, { theme: 'light' }));
    const article = await until(async () => {
      const f = reader.childFrames()[0];
      return (await f?.evaluate(() => document.querySelectorAll('article.post').length).catch(() => 0)) === 3 ? f : null;
    }, 'the forum posts');
    const posts = await article.evaluate(() => [...document.querySelectorAll('article.post')].map((el) => ({
      author: el.querySelector('.post-author')?.textContent, time: el.querySelector('time')?.getAttribute('datetime'),
      text: el.querySelector('.post-body')?.textContent, top: el.getBoundingClientRect().top,
    })));
    assert.deepEqual(posts.map((p) => p.author), forum.posts.map((p) => p.author));
    assert.deepEqual(posts.map((p) => p.time), forum.posts.map((p) => p.publishedTime));
    assert.match(posts[1].text, /That is hunger, not death/);
    assert.ok(posts[0].top < posts[1].top && posts[1].top < posts[2].top, 'one block per post, in order');
    assert.deepEqual(await axeViolations(article, env.newPage), [], 'axe: forum thread');
    await page.screenshot({ path: shot('forum') });
    await env.resetSettings();
    await page.close();
  });

  test(`[${env.name}] a page with nothing to read gets a clear message and stays untouched`, async () => {
    const page = await env.open('/module/empty.html');
    const domBefore = await page.evaluate(() => document.documentElement.outerHTML);
    const reply = await env.toggle(page);
    assert.equal(reply.state, 'error');
    assert.match(reply.error, /Nothing to read here/);
    assert.equal(await page.evaluate(() => document.querySelector('declutter-reader')), null);
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).display), 'block');
    await until(() => page.evaluate(() => !document.querySelector('declutter-reader-toast')), 'the message to go', 20_000);
    assert.equal(await page.evaluate(() => document.documentElement.outerHTML), domBefore);
    await page.close();
  });
}

/** The demo page: preloaded seed, fetch through cleanResponse, a CORS failure in words, axe. */
export function defineDemoScenario(test, env) {
  test(`[${env.name}] the demo: seed page, fetch a URL, a CORS error in words; axe finds nothing serious`, async () => {
    const page = await env.newPage();
    const errors = [];
    // Firefox reports blocked cross-origin reads (the CORS case below, and
    // the original page's own stylesheets in its sandboxed pane) as page
    // errors; they are what is being tested, not failures.
    page.on('pageerror', (e) => { if (!/Cross-Origin Request Blocked/.test(String(e))) errors.push(String(e)); });
    await page.goto(`${env.server().url}/demo/`);
    await until(() => page.evaluate(() => document.documentElement.dataset.cleaned === 'true'), 'demo cleaned the seed page');
    const statusText = () => page.evaluate(() => document.querySelector('[data-testid=status]').textContent);
    assert.match(await statusText(), new RegExp(`^done: “${TITLE}”`));
    assert.match(await page.evaluate(() => document.querySelector('[data-testid=fields]').textContent), /siteName\s*Example News/);
    const readerPane = await until(async () => {
      for (const f of page.frames()) {
        if (await f.evaluate(() => !!document.querySelector('main h1')).catch(() => false)) return f;
      }
      return null;
    }, 'reader pane');
    assert.match(await readerPane.evaluate(() => document.body.innerText), /Nuovo incontro a Roma/);
    assert.deepEqual(await axeViolations(page.mainFrame(), env.newPage, ['#original']), [], 'axe: demo page');
    assert.deepEqual(await axeViolations(readerPane, env.newPage), [], 'axe: demo reader pane');
    await page.screenshot({ path: path.join(SHOTS, `${env.name}-demo.png`) });

    // Fetch a URL: same origin works (through cleanResponse)...
    await page.evaluate(() => { document.documentElement.dataset.cleaned = ''; });
    await page.evaluate((u) => { document.querySelector('[data-testid=fetch-url]').value = u; }, `${env.server().url}/strict.html`);
    await page.click('[data-testid=fetch]');
    await until(async () => /^done: /.test(await statusText()), 'fetched page cleaned');
    assert.equal(await page.evaluate(() => document.querySelector('[data-testid=url]').value), `${env.server().url}/strict.html`);
    // ...another origin without CORS headers fails, and the demo says why in words.
    const foreign = env.server().url.replace('127.0.0.1', 'localhost') + '/seed.html';
    await page.evaluate((u) => { document.querySelector('[data-testid=fetch-url]').value = u; }, foreign);
    await page.click('[data-testid=fetch]');
    const msg = await until(async () => { const t = await statusText(); return /^Could not fetch/.test(t) ? t : null; }, 'the CORS error');
    assert.match(msg, /CORS/);
    assert.match(msg, /open the file instead/);
    assert.equal(await page.evaluate(() => document.querySelector('[data-testid=status]').className), 'error');
    assert.deepEqual(errors, []);
    await page.close();
  });
}
