// @ts-check
// Read aloud with the Web Speech API (speechSynthesis), in Firefox and
// Chromium alike. One utterance per block of the article (a paragraph, a
// heading, a list item...), all queued at once in reading order, so the
// browser reads on without us in the loop; each utterance's `start` event
// highlights its block and scrolls it into view. Queuing per block also
// keeps every utterance short: Chromium silently stops a single utterance
// after about 15 seconds of speech.

/**
 * The blocks that are read, in document order: the innermost elements of
 * these kinds (a <p> inside an <li> is read once, as the <p>).
 */
export const READ_BLOCKS = 'h1, h2, h3, h4, h5, h6, p, li, blockquote, pre, figcaption, dt, dd, td, th';

/**
 * The readable blocks of a reader document: the title, the standfirst and
 * every block of the article body (or of each forum post), skipping empty
 * ones.
 * @param {Document} doc
 * @returns {{ el: Element, text: string }[]}
 */
export function readableBlocks(doc) {
  const main = doc.querySelector('main') ?? doc.body;
  if (!main) return [];
  const out = [];
  for (const el of main.querySelectorAll(READ_BLOCKS)) {
    if (el.closest('.site, .meta')) continue; // site name, byline/date/reading time: not the text
    if (el.querySelector(READ_BLOCKS)) continue; // its inner blocks are read instead
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text) out.push({ el, text });
  }
  return out;
}

/**
 * @typedef {object} SpeakerOptions
 * @property {SpeechSynthesis} synth
 * @property {(text: string) => SpeechSynthesisUtterance} [makeUtterance]
 * @property {(index: number, block: { el: Element, text: string } | null) => void} [onBlock]  the block now read (null: none)
 * @property {(state: 'playing' | 'paused' | 'stopped') => void} [onState]
 */

/** Play / pause / stop over the blocks of one document. */
export class Speaker {
  /** @param {SpeakerOptions} opts */
  constructor(opts) {
    this.synth = opts.synth;
    this.makeUtterance = opts.makeUtterance ?? ((text) => new SpeechSynthesisUtterance(text));
    this.onBlock = opts.onBlock ?? (() => {});
    this.onState = opts.onState ?? (() => {});
    /** @type {{ el: Element, text: string }[]} */
    this.blocks = [];
    /** Index of the block being read (or about to be). */
    this.current = 0;
    /** @type {'playing' | 'paused' | 'stopped'} */
    this.state = 'stopped';
    this.rate = 1;
    /** @type {SpeechSynthesisVoice | null} */
    this.voice = null;
    this.lang = '';
    // Bumped on every (re)queue: events of utterances from an earlier queue
    // (cancel() fires their `end`/`error` late in some browsers) are ignored.
    this.generation = 0;
  }

  /**
   * Starts reading `blocks` from `from` (default: the first).
   * @param {{ el: Element, text: string }[]} blocks
   * @param {number} [from]
   */
  play(blocks, from = 0) {
    this.blocks = blocks;
    this.queueFrom(Math.max(0, Math.min(from, blocks.length - 1)));
  }

  /** @param {number} from */
  queueFrom(from) {
    const gen = ++this.generation;
    this.synth.cancel();
    if (!this.blocks.length) { this.setState('stopped'); return; }
    this.current = from;
    this.setState('playing');
    this.onBlock(from, this.blocks[from]);
    for (let i = from; i < this.blocks.length; i++) {
      const u = this.makeUtterance(this.blocks[i].text);
      u.rate = this.rate;
      if (this.voice) u.voice = this.voice;
      if (this.voice?.lang) u.lang = this.voice.lang;
      else if (this.lang) u.lang = this.lang;
      const index = i;
      u.addEventListener('start', () => {
        if (gen !== this.generation) return;
        this.current = index;
        this.onBlock(index, this.blocks[index]);
      });
      if (i === this.blocks.length - 1) {
        u.addEventListener('end', () => { if (gen === this.generation) this.stop(); });
      }
      u.addEventListener('error', (e) => {
        // "interrupted"/"canceled" come from our own cancel(); others end the reading.
        const err = /** @type {any} */ (e).error;
        if (gen === this.generation && err !== 'interrupted' && err !== 'canceled') this.stop();
      });
      this.synth.speak(u);
    }
  }

  pause() {
    if (this.state !== 'playing') return;
    this.synth.pause();
    this.setState('paused');
  }

  resume() {
    if (this.state !== 'paused') return;
    this.synth.resume();
    this.setState('playing');
  }

  /** Play when stopped, pause when playing, resume when paused. */
  toggle() {
    if (this.state === 'playing') this.pause();
    else if (this.state === 'paused') this.resume();
    else if (this.blocks.length) this.queueFrom(0);
  }

  stop() {
    this.generation++;
    this.synth.cancel();
    this.current = 0;
    this.onBlock(-1, null);
    this.setState('stopped');
  }

  /**
   * New speed or voice: applies from the block being read, which restarts
   * (an utterance's rate cannot change once it is queued).
   * @param {{ rate?: number, voice?: SpeechSynthesisVoice | null }} change
   */
  configure(change) {
    if (change.rate !== undefined) this.rate = change.rate;
    if (change.voice !== undefined) this.voice = change.voice;
    if (this.state === 'playing') this.queueFrom(this.current);
    else if (this.state === 'paused') {
      // Requeue from the same block but stay paused.
      this.queueFrom(this.current);
      this.synth.pause();
      this.setState('paused');
    }
  }

  /** @param {'playing' | 'paused' | 'stopped'} s */
  setState(s) {
    this.state = s;
    this.onState(s);
  }
}

/** Speeds offered (utterance `rate`). */
export const RATES = [0.75, 1, 1.25, 1.5, 1.75, 2];
