import { connect } from 'node:net';
import { Answer } from './oracle';

/** How long any answer may take before it counts as a hang. */
export const ANSWER_WITHIN_MS = 20_000;

export interface HttpRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/** One HTTP request through fetch; a network failure or timeout is an answer too (`networkError`). */
export async function send(baseUrl: string, request: HttpRequest): Promise<Answer> {
  try {
    const response = await fetch(`${baseUrl}${request.path}`, {
      method: request.method,
      headers: request.headers,
      body: ['GET', 'HEAD'].includes(request.method) ? undefined : request.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(ANSWER_WITHIN_MS),
    });
    return { status: response.status, text: await response.text() };
  } catch (error) {
    return { status: 0, text: '', networkError: networkError(error) };
  }
}

function networkError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  if ((error as Error).name === 'TimeoutError') return `no answer within ${ANSWER_WITHIN_MS / 1000} s`;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}

/**
 * Bytes written to the socket as they are: what fetch refuses to send
 * (malformed request lines, raw UTF-8 or control bytes in headers, lying
 * lengths). The answer is whatever came back before the server closed.
 */
export function sendRaw(baseUrl: string, bytes: Buffer): Promise<Answer> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    let settled = false;
    const finish = (networkError?: string) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      const text = Buffer.concat(chunks).toString('latin1');
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1] ?? 0);
      resolve(
        status || !networkError
          ? { status, text: text.slice(text.indexOf('\r\n\r\n') + 4) }
          : { status: 0, text, networkError },
      );
    };
    socket.setTimeout(ANSWER_WITHIN_MS, () => finish(`no answer within ${ANSWER_WITHIN_MS / 1000} s`));
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      // One answer is enough: stop at the end of the first response's headers plus its declared body.
      const text = Buffer.concat(chunks).toString('latin1');
      const head = text.indexOf('\r\n\r\n');
      const length = /\r\ncontent-length: (\d+)/i.exec(text.slice(0, head))?.[1];
      if (head >= 0 && length !== undefined && text.length >= head + 4 + Number(length)) finish();
    });
    socket.on('end', () => finish());
    socket.on('error', (error: NodeJS.ErrnoException) => finish(error.code ?? error.message));
    // Written and half-closed: a request that says more is coming but never sends it ends here, as a client that gave up.
    socket.on('connect', () => socket.end(bytes));
  });
}
