import { promises as dns, LookupAddress } from 'node:dns';
import { isIP, LookupFunction } from 'node:net';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig, BadUserInputError } from '@app/core';
import { mayReceiveWebhooks } from './webhook-address-policy';

/** A webhook host that is, or resolves to, an address webhooks may not be sent to. */
export class WebhookAddressRefusedError extends Error {
  readonly code = 'ERR_WEBHOOK_ADDRESS_REFUSED';

  constructor(readonly host: string) {
    super(`webhooks are not sent to ${host}: not a public internet address`);
    this.name = 'WebhookAddressRefusedError';
  }
}

/**
 * Keeps webhooks away from our own network (see webhook-address-policy.ts):
 * checked on the URL when an endpoint is created, for an early and clear
 * answer, and on every address a delivery connects to, through `lookup`, so a
 * host whose DNS answer changes after creation (DNS rebinding) is still
 * refused. A host is refused when any of its addresses is.
 */
@Injectable()
export class WebhookAddressGuard {
  private readonly allowPrivateNetworks: boolean;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.allowPrivateNetworks = config.webhooks.allowPrivateNetworks;
    if (this.allowPrivateNetworks && config.isProduction) {
      new Logger(WebhookAddressGuard.name).warn(
        'WEBHOOK_ALLOW_PRIVATE_NETWORKS is on: partner admins can aim webhooks at this network',
      );
    }
  }

  /** Every address the system resolver (hosts file included) gives for `hostname`. Tests replace it to play DNS. */
  resolve(hostname: string): Promise<LookupAddress[]> {
    return dns.lookup(hostname, { all: true });
  }

  /**
   * The addresses `host` (a name, or an IP literal as in a URL without its
   * brackets) stands for, all of them allowed; or WebhookAddressRefusedError.
   * Resolver errors pass through.
   */
  async addressesOf(host: string): Promise<LookupAddress[]> {
    const family = isIP(host);
    const addresses = family ? [{ address: host, family }] : await this.resolve(host);
    const refused =
      addresses.length === 0 ||
      addresses.some(({ address }) => !mayReceiveWebhooks(address, this.allowPrivateNetworks));
    if (refused) throw new WebhookAddressRefusedError(host);
    return addresses;
  }

  /**
   * `lookup` for a delivery's socket: it connects only to an address checked
   * just now. Node does not call it for an IP literal: the delivery client
   * checks those itself with `addressesOf`.
   */
  readonly lookup: LookupFunction = (hostname, options, callback) => {
    const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : options.family;
    this.addressesOf(hostname).then(
      (addresses) => {
        const usable = family === 4 || family === 6 ? addresses.filter((a) => a.family === family) : addresses;
        if (usable.length === 0) {
          callback(Object.assign(new Error(`no IPv${family} address for ${hostname}`), { code: 'ENOTFOUND' }), '');
        } else if (options.all) {
          callback(null, usable);
        } else {
          callback(null, usable[0].address, usable[0].family);
        }
      },
      (error: NodeJS.ErrnoException) => callback(error, ''),
    );
  };

  /**
   * The creation-time check of an endpoint's URL: http(s), no credentials, a
   * host that is or resolves to allowed addresses only. BAD_USER_INPUT says
   * which rule failed, never which address a name resolved to.
   */
  async checkEndpointUrl(text: string): Promise<void> {
    const refuse = (problem: string): never => {
      throw new BadUserInputError('The webhook URL cannot be used', [{ field: 'url', problems: [problem] }]);
    };
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      return refuse('url must be an http or https URL');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') refuse('url must be an http or https URL');
    if (url.username || url.password) {
      refuse('url must not contain a user name or password: receivers verify the signature instead');
    }
    const host = hostOf(url);
    try {
      await this.addressesOf(host);
    } catch (error) {
      if (!(error instanceof WebhookAddressRefusedError)) refuse(`the host ${host} could not be resolved`);
      refuse(
        isIP(host)
          ? `${host} is not a public internet address: webhooks are not sent to loopback, private, link-local or other internal addresses`
          : `${host} resolves to an address that is not public: webhooks are not sent to loopback, private, link-local or other internal addresses`,
      );
    }
  }
}

/** The URL's host as a resolver or `isIP` takes it: an IPv6 literal without its brackets. */
export function hostOf(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}
