/**
 * The board's only way to the data: the public API, with the key the analyst entered. The key
 * lives in sessionStorage — gone when the browser session ends — and travels only in the
 * Authorization header.
 */
const KEY_ITEM = 'parley.apiKey';

export const apiKey = {
  get: () => sessionStorage.getItem(KEY_ITEM),
  set: (key) => sessionStorage.setItem(KEY_ITEM, key),
  clear: () => sessionStorage.removeItem(KEY_ITEM),
};

export const authorization = () => `Bearer ${apiKey.get()}`;

const refusedListeners = new Set();

/** Called when the API refuses the key (401, 403), so the board can ask for another. */
export function onKeyRefused(listener) {
  refusedListeners.add(listener);
}

/** An answer other than 2xx, with the API's problem details when it sent some. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail ?? problem?.title ?? `The API answered ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

/** `/v1/timeline?talksId=…&type=a&type=b`: undefined and empty values are left out, arrays repeat. */
export function pathWith(path, query = {}) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    for (const item of [value].flat()) if (item !== undefined && item !== null && item !== '') params.append(name, String(item));
  }
  const search = params.toString();
  return search === '' ? path : `${path}?${search}`;
}

async function request(path, accept) {
  const response = await fetch(path, { headers: { authorization: authorization(), accept } });
  if (response.ok) return response;
  const problem = /json/.test(response.headers.get('content-type') ?? '') ? await response.json().catch(() => undefined) : undefined;
  if (response.status === 401 || response.status === 403) for (const listener of refusedListeners) listener(response.status);
  throw new ApiError(response.status, problem);
}

export async function getJson(path, query) {
  return (await request(pathWith(path, query), 'application/json')).json();
}

/**
 * An export needs the key too, so a plain link cannot fetch it: fetch it, then hand the
 * browser the body as a file.
 */
export async function download(path, query, accept, filename) {
  const blob = await (await request(pathWith(path, query), accept)).blob();
  const href = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href, download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken the blob once the click's task is over.
  setTimeout(() => URL.revokeObjectURL(href), 0);
}
