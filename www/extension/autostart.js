// Registered (per site, only after the user asked for "always open in
// reader view" there) to run after content.js: opens the reader view.
import { api } from './browser.js';
import { AutoToBackground } from './messages.js';

if (window.top === window && !globalThis.__declutterAutoStarted) {
  globalThis.__declutterAutoStarted = true;
  api.runtime.sendMessage({ type: AutoToBackground.OPEN }).catch(() => {});
}
