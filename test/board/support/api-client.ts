/** Requests to the real server from outside, as any client makes them. */
export function apiClient(baseUrl: string, key: string) {
  const send = async (method: string, path: string, body?: unknown): Promise<any> => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const answer = await response.json();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(answer)}`);
    return answer;
  };
  return { get: (path: string) => send('GET', path), post: (path: string, body: unknown) => send('POST', path, body) };
}

/** A day `days` before today, as a claim date. */
export const daysAgo = (days: number): string => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

export const provenance = (publisher: string) => ({ sources: [{ publisher }], confidence: 'reported' });
