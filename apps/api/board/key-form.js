import { h } from './element.js';

/** Asks for the API key once per browser session; `message` says why it is asked again. */
export function keyForm(main, { message, onKey }) {
  const input = h('input', { id: 'api-key', type: 'password', name: 'api-key', autocomplete: 'off', spellcheck: 'false', required: true, 'aria-describedby': 'api-key-hint' });
  main.replaceChildren(
    h('h1', { tabindex: '-1' }, 'Connect to Parley'),
    h(
      'form',
      {
        class: 'key-form',
        on: {
          submit: (event) => {
            event.preventDefault();
            const key = input.value.trim();
            if (key) onKey(key);
          },
        },
      },
      message ? h('p', { class: 'error', role: 'alert' }, message) : undefined,
      h('label', { for: 'api-key' }, 'API key'),
      input,
      h('small', { id: 'api-key-hint' }, 'A key of any role (viewer is enough). It stays in this browser tab until the session ends, and is sent only in the Authorization header.'),
      h('button', { type: 'submit' }, 'Connect'),
    ),
  );
  input.focus();
}
