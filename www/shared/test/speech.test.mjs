// Read aloud without a browser: a recording speechSynthesis and utterances
// that are plain EventTargets (as SpeechSynthesisUtterance is).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Speaker } from '../speech.js';

class FakeUtterance extends EventTarget {
  constructor(text) { super(); this.text = text; this.rate = 1; this.voice = null; this.lang = ''; }
}

function fakeSynth() {
  const log = [];
  const queue = [];
  let current = null;
  const next = () => { current = queue.shift() ?? null; current?.dispatchEvent(new Event('start')); };
  return {
    log,
    speak(u) { log.push(['speak', u.text, u.rate, u.lang]); queue.push(u); if (!current) next(); },
    cancel() { log.push(['cancel']); queue.length = 0; const c = current; current = null; c?.dispatchEvent(new Event('end')); },
    pause() { log.push(['pause']); },
    resume() { log.push(['resume']); },
    finish() { const c = current; current = null; c?.dispatchEvent(new Event('end')); next(); },
  };
}

const blocks = ['Title', 'First paragraph.', 'Second paragraph.'].map((text) => ({ el: { text }, text }));

function setup() {
  const synth = fakeSynth();
  const seen = [];
  const states = [];
  const s = new Speaker({
    synth, makeUtterance: (t) => new FakeUtterance(t),
    onBlock: (i) => seen.push(i), onState: (st) => states.push(st),
  });
  return { synth, s, seen, states };
}

test('play queues one utterance per block, in order, and follows the engine', () => {
  const { synth, s, seen, states } = setup();
  s.lang = 'it';
  s.play(blocks);
  assert.deepEqual(synth.log.filter((e) => e[0] === 'speak').map((e) => e[1]), ['Title', 'First paragraph.', 'Second paragraph.']);
  assert.ok(synth.log.every((e) => e[0] !== 'speak' || e[3] === 'it'), 'the article language');
  assert.equal(s.current, 0);
  synth.finish();
  assert.equal(s.current, 1);
  synth.finish();
  assert.equal(s.current, 2);
  synth.finish(); // the last one ends: stopped, highlight cleared
  assert.equal(s.state, 'stopped');
  assert.equal(seen.at(-1), -1);
  assert.deepEqual(states, ['playing', 'stopped']);
});

test('pause and resume go to the engine; stop cancels and ignores late events', () => {
  const { synth, s, seen } = setup();
  s.play(blocks);
  s.toggle();
  assert.deepEqual(synth.log.at(-1), ['pause']);
  assert.equal(s.state, 'paused');
  s.toggle();
  assert.deepEqual(synth.log.at(-1), ['resume']);
  s.stop();
  assert.deepEqual(synth.log.at(-1), ['cancel']);
  const n = seen.length;
  synth.finish();
  assert.equal(seen.length, n, 'no highlight after stop');
  assert.equal(s.state, 'stopped');
});

test('a new speed requeues from the block being read, at that speed', () => {
  const { synth, s } = setup();
  s.play(blocks);
  synth.finish(); // now on block 1
  synth.log.length = 0;
  s.configure({ rate: 1.5 });
  assert.deepEqual(synth.log, [['cancel'], ['speak', 'First paragraph.', 1.5, ''], ['speak', 'Second paragraph.', 1.5, '']]);
  assert.equal(s.state, 'playing');
  // While paused, the new speed is queued but stays paused.
  s.pause();
  synth.log.length = 0;
  s.configure({ rate: 2 });
  assert.deepEqual(synth.log.map((e) => e[0]), ['cancel', 'speak', 'speak', 'pause']);
  assert.equal(s.state, 'paused');
});

test('nothing to read: play stops at once', () => {
  const { synth, s } = setup();
  s.play([]);
  assert.equal(s.state, 'stopped');
  assert.ok(!synth.log.some((e) => e[0] === 'speak'));
});
