import { apiKey, onKeyRefused } from './api.js';
import { showConnection } from './connection-state.js';
import { keyForm } from './key-form.js';
import { LiveTracks } from './live-tracks.js';
import { trackView } from './track-view.js';
import { tracksView } from './tracks-view.js';

const main = document.getElementById('main');
const connection = document.getElementById('connection');
const forgetKey = document.getElementById('forget-key');
const live = new LiveTracks();
let leaveView = () => {};

live.subscribe(({ connection: state }) => {
  if (!state) return;
  showConnection(connection, state);
  if (state.state === 'refused') askForKey('The API refused this key. Enter another.');
});

onKeyRefused(() => askForKey('The API refused this key. Enter another.'));

function askForKey(message) {
  live.stop();
  apiKey.clear();
  leaveView();
  leaveView = () => {};
  forgetKey.hidden = true;
  showConnection(connection, { state: 'idle' });
  keyForm(main, {
    message,
    onKey: (key) => {
      apiKey.set(key);
      start();
    },
  });
}

/** `#/` is every track, `#/track/<id>` one of them: links work with the keyboard and the back button. */
function route() {
  if (!apiKey.get()) return askForKey();
  leaveView();
  const match = /^#\/track\/(.+)$/.exec(location.hash);
  leaveView = match ? trackView(main, live, decodeURIComponent(match[1])) : tracksView(main, live);
  main.querySelector('h1')?.focus();
  return undefined;
}

function start() {
  forgetKey.hidden = false;
  live.start();
  route();
}

forgetKey.addEventListener('click', () => askForKey());
window.addEventListener('hashchange', route);
if (apiKey.get()) start();
else askForKey();
