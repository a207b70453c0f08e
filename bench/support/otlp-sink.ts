import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An OTLP/HTTP collector that accepts every export and keeps only counts: the API's side of tracing is what is measured. */
export async function startOtlpSink(): Promise<{ endpoint: string; exports: () => number; bytes: () => number; stop: () => Promise<void> }> {
  let exports = 0;
  let bytes = 0;
  const server = createServer((request, response) => {
    request.on('data', (chunk: Buffer) => (bytes += chunk.length));
    request.on('end', () => {
      exports++;
      response.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { endpoint: `http://127.0.0.1:${port}`, exports: () => exports, bytes: () => bytes, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}
