import ipaddr from 'ipaddr.js';

/**
 * Which IP addresses a webhook may be sent to: the one definition, used when an
 * endpoint is created and again on the address each delivery connects to.
 *
 * A webhook URL is chosen by a partner admin, so without this rule the worker
 * would POST wherever it is told, inside our own network too (server-side
 * request forgery): the database, the cloud's metadata service, an admin
 * port on localhost.
 */
export type AddressClass =
  | 'public'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'shared'
  | 'cloud-metadata'
  | 'unspecified'
  | 'broadcast'
  | 'multicast'
  | 'reserved';

/** What WEBHOOK_ALLOW_PRIVATE_NETWORKS=true opens up (for local receivers in development and tests). */
const PRIVATE_NETWORK_CLASSES: ReadonlySet<AddressClass> = new Set(['loopback', 'private', 'link-local', 'shared']);

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];
const cidrs = (...list: string[]): Range[] => list.map((cidr) => ipaddr.parseCIDR(cidr));

/**
 * Non-public ranges, most specific first (the first class that matches wins).
 * Sources: the IANA IPv4 and IPv6 special-purpose address registries, and the
 * metadata services of the common clouds (AWS, GCP, Azure, Oracle, Alibaba,
 * Tencent, OpenStack, DigitalOcean, Hetzner).
 */
const NON_PUBLIC: Record<Exclude<AddressClass, 'public'>, Range[]> = {
  'cloud-metadata': cidrs(
    '169.254.169.254/32', // AWS, GCP, Azure, Oracle, OpenStack, DigitalOcean, Hetzner
    '169.254.170.2/32', // AWS ECS task metadata
    '169.254.170.23/32', // AWS EKS pod identity
    '169.254.0.23/32', // Tencent
    '100.100.100.200/32', // Alibaba
    '168.63.129.16/32', // Azure wire server: a public-looking address that only answers inside Azure
    '192.0.0.192/32', // Oracle (legacy)
    'fd00:ec2::254/128', // AWS IPv6
  ),
  unspecified: cidrs('0.0.0.0/8', '::/128'), // 0.0.0.0 reaches the local host on Linux
  broadcast: cidrs('255.255.255.255/32'),
  loopback: cidrs('127.0.0.0/8', '::1/128'),
  private: cidrs(
    '10.0.0.0/8',
    '172.16.0.0/12',
    '192.168.0.0/16', // RFC 1918
    'fc00::/7', // RFC 4193 unique-local
    'fec0::/10', // deprecated site-local, still private where used
    '64:ff9b:1::/48', // RFC 8215 local-use NAT64: translates into a private network
  ),
  'link-local': cidrs('169.254.0.0/16', 'fe80::/10'),
  shared: cidrs('100.64.0.0/10'), // RFC 6598 carrier-grade NAT
  multicast: cidrs('224.0.0.0/4', 'ff00::/8'),
  reserved: cidrs(
    '192.0.0.0/24', // IETF protocol assignments
    '192.0.2.0/24',
    '198.51.100.0/24',
    '203.0.113.0/24', // documentation
    '192.88.99.0/24', // 6to4 relay anycast
    '198.18.0.0/15', // benchmarking
    '240.0.0.0/4', // future use
    '::/96', // IPv4-compatible (deprecated)
    '100::/64', // discard
    '2001::/23', // IETF protocol assignments, Teredo included
    '2001:db8::/32',
    '3fff::/20', // documentation
  ),
};

/** IPv6 forms that carry an IPv4 address the packet ends up at; that IPv4 address is what gets classified. */
const IPV4_MAPPED = ipaddr.parseCIDR('::ffff:0:0/96');
const NAT64 = ipaddr.parseCIDR('64:ff9b::/96'); // RFC 6052 well-known prefix, IPv4 in the last 32 bits
const SIX_TO_FOUR = ipaddr.parseCIDR('2002::/16'); // RFC 3056, IPv4 in bits 16–47
const GLOBAL_UNICAST = ipaddr.parseCIDR('2000::/3'); // everything else in IPv6 is not (yet) public

/** The class of an IP address (any notation Node or DNS gives); `undefined` when it is not an IP address. */
export function classifyAddress(address: string): AddressClass | undefined {
  if (!ipaddr.isValid(address)) return undefined;
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv4') return classifyIPv4(parsed as ipaddr.IPv4);
  const ipv6 = parsed as ipaddr.IPv6;
  const embedded = embeddedIPv4(ipv6);
  if (embedded) return classifyIPv4(embedded);
  const match = ipaddr.subnetMatch(ipv6, NON_PUBLIC, 'public') as AddressClass;
  if (match === 'public' && !ipv6.match(GLOBAL_UNICAST)) return 'reserved';
  return match;
}

/**
 * Whether a webhook may be sent to `address`. Cloud metadata, unspecified,
 * broadcast, multicast and reserved addresses never; loopback, private,
 * link-local and shared ones only with `allowPrivateNetworks`; anything that is
 * not an IP address never.
 */
export function mayReceiveWebhooks(address: string, allowPrivateNetworks: boolean): boolean {
  const addressClass = classifyAddress(address);
  if (addressClass === 'public') return true;
  return allowPrivateNetworks && addressClass !== undefined && PRIVATE_NETWORK_CLASSES.has(addressClass);
}

function classifyIPv4(address: ipaddr.IPv4): AddressClass {
  return ipaddr.subnetMatch(address, NON_PUBLIC, 'public') as AddressClass;
}

function embeddedIPv4(address: ipaddr.IPv6): ipaddr.IPv4 | undefined {
  const bytes = address.toByteArray();
  if (address.match(IPV4_MAPPED) || address.match(NAT64)) return new ipaddr.IPv4(bytes.slice(12, 16));
  if (address.match(SIX_TO_FOUR)) return new ipaddr.IPv4(bytes.slice(2, 6));
  return undefined;
}
