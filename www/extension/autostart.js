// @ts-check
// Registered (per site, only after the user asked for "always open in
// reader view" there) to run after content.js: opens the reader view.
import { api } from './browser.js';
import { AutoToBackground } from './messages.js';

const g = /** @type {any} */ (globalThis);
if (window.top === window && !g.__declutterAutoStarted) {
  g.__declutterAutoStarted = true;
  /** @type {import('./messages.js').AutoOpen} */
  const msg = { type: AutoToBackground.OPEN };
  api.runtime.sendMessage(msg).catch(() => {});
}
