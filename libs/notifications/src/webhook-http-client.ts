import { request as httpRequest, IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { Injectable } from '@nestjs/common';
import { hostOf, WebhookAddressGuard, WebhookAddressRefusedError } from './webhook-address-guard';

/** What one POST came to: the receiver's status, or why there was none. `error` is null only for a 2xx. */
export interface WebhookResponse {
  statusCode: number | null;
  error: string | null;
}

/** The only texts a failed delivery records: whatever the receiver sent or any socket said is never shown. */
export const WEBHOOK_ERRORS = {
  refused: 'refused: webhooks are only sent to public internet addresses',
  invalidUrl: 'refused: not an http or https URL',
  timeout: 'timed out',
  notFound: 'host not found',
  connectionRefused: 'connection refused',
  unreachable: 'host unreachable',
  reset: 'connection closed before a response',
  tls: 'TLS handshake failed',
  badResponse: 'invalid HTTP response',
  failed: 'connection failed',
} as const;

/**
 * POSTs a webhook, connecting only to addresses the WebhookAddressGuard
 * allows at that moment. Redirects are not followed (a 3xx is a failed
 * attempt like any non-2xx), nothing of the response but its status is read,
 * and every failure is recorded with a fixed, neutral text.
 */
@Injectable()
export class WebhookHttpClient {
  constructor(private readonly guard: WebhookAddressGuard) {}

  async post(url: string, headers: Record<string, string>, body: string, timeoutMs: number): Promise<WebhookResponse> {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return { statusCode: null, error: WEBHOOK_ERRORS.invalidUrl };
    }
    if (target.protocol !== 'http:' && target.protocol !== 'https:') {
      return { statusCode: null, error: WEBHOOK_ERRORS.invalidUrl };
    }
    try {
      // Node connects to an IP literal without calling `lookup`: check it here.
      if (isIP(hostOf(target))) await this.guard.addressesOf(hostOf(target));
      const statusCode = await this.send(target, headers, body, timeoutMs);
      return { statusCode, error: statusCode >= 200 && statusCode <= 299 ? null : `HTTP ${statusCode}` };
    } catch (error) {
      return { statusCode: null, error: neutralError(error) };
    }
  }

  private send(target: URL, headers: Record<string, string>, body: string, timeoutMs: number): Promise<number> {
    const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const outgoing = request(
        target,
        {
          method: 'POST',
          headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
          lookup: this.guard.lookup,
          // A connection of its own, checked by `lookup` and closed after the status line.
          agent: false,
          signal: AbortSignal.timeout(timeoutMs),
        },
        (response: IncomingMessage) => {
          resolve(response.statusCode ?? 0);
          response.destroy();
        },
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  }
}

/** A fixed text per kind of failure, chosen by error code: never a message that could quote the receiver. */
export function neutralError(error: unknown): string {
  if (error instanceof WebhookAddressRefusedError) return WEBHOOK_ERRORS.refused;
  const { code = '', name = '' } = (error ?? {}) as { code?: string; name?: string };
  if (name === 'AbortError' || name === 'TimeoutError' || code === 'ABORT_ERR') return WEBHOOK_ERRORS.timeout;
  if (['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NODATA', 'ENODATA'].includes(code)) return WEBHOOK_ERRORS.notFound;
  if (code === 'ECONNREFUSED') return WEBHOOK_ERRORS.connectionRefused;
  if (['ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ENETDOWN'].includes(code)) {
    return WEBHOOK_ERRORS.unreachable;
  }
  if (['ECONNRESET', 'EPIPE', 'ECONNABORTED'].includes(code)) return WEBHOOK_ERRORS.reset;
  if (code === 'EPROTO' || /^(ERR_TLS|ERR_SSL|ERR_OSSL|CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED)/.test(code)) {
    return WEBHOOK_ERRORS.tls;
  }
  if (code.startsWith('HPE_')) return WEBHOOK_ERRORS.badResponse;
  return WEBHOOK_ERRORS.failed;
}
