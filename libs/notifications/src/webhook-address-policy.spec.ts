import { AddressClass, classifyAddress, mayReceiveWebhooks } from './webhook-address-policy';

const table: [string, AddressClass][] = [
  // IPv4
  ['93.184.215.14', 'public'],
  ['8.8.8.8', 'public'],
  ['1.1.1.1', 'public'],
  ['172.15.255.255', 'public'],
  ['172.32.0.0', 'public'],
  ['100.63.255.255', 'public'],
  ['100.128.0.0', 'public'],
  ['127.0.0.1', 'loopback'],
  ['127.255.255.254', 'loopback'],
  ['10.0.0.1', 'private'],
  ['10.255.255.255', 'private'],
  ['172.16.0.1', 'private'],
  ['172.31.255.255', 'private'],
  ['192.168.1.1', 'private'],
  ['169.254.1.1', 'link-local'],
  ['169.254.169.254', 'cloud-metadata'],
  ['169.254.170.2', 'cloud-metadata'],
  ['100.100.100.200', 'cloud-metadata'],
  ['168.63.129.16', 'cloud-metadata'],
  ['100.64.0.1', 'shared'],
  ['100.127.255.255', 'shared'],
  ['0.0.0.0', 'unspecified'],
  ['0.1.2.3', 'unspecified'],
  ['255.255.255.255', 'broadcast'],
  ['224.0.0.1', 'multicast'],
  ['239.255.255.250', 'multicast'],
  ['240.0.0.1', 'reserved'],
  ['192.0.2.1', 'reserved'],
  ['198.18.0.1', 'reserved'],
  // IPv6
  ['2606:4700:4700::1111', 'public'],
  ['2a00:1450:4001:80b::200e', 'public'],
  ['::1', 'loopback'],
  ['0:0:0:0:0:0:0:1', 'loopback'],
  ['::', 'unspecified'],
  ['fc00::1', 'private'],
  ['fd12:3456:789a::1', 'private'],
  ['fd00:ec2::254', 'cloud-metadata'],
  ['fe80::1', 'link-local'],
  ['fe80::1%eth0', 'link-local'],
  ['febf:ffff::1', 'link-local'],
  ['ff02::1', 'multicast'],
  ['2001:db8::1', 'reserved'],
  ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'reserved'], // Teredo
  ['100::1', 'reserved'],
  ['4000::1', 'reserved'], // outside global unicast 2000::/3
  ['::7f00:1', 'reserved'], // IPv4-compatible, deprecated
  // IPv4 addresses inside IPv6: the IPv4 address decides
  ['::ffff:127.0.0.1', 'loopback'],
  ['::ffff:7f00:1', 'loopback'],
  ['::FFFF:169.254.169.254', 'cloud-metadata'],
  ['::ffff:10.0.0.1', 'private'],
  ['::ffff:0.0.0.0', 'unspecified'],
  ['::ffff:8.8.8.8', 'public'],
  ['64:ff9b::7f00:1', 'loopback'], // NAT64
  ['64:ff9b::a9fe:a9fe', 'cloud-metadata'],
  ['64:ff9b::192.168.0.1', 'private'],
  ['64:ff9b::808:808', 'public'],
  ['64:ff9b:1::a00:1', 'private'], // local-use NAT64
  ['2002:7f00:1::', 'loopback'], // 6to4
  ['2002:a00:1::1', 'private'],
  ['2002:808:808::1', 'public'],
];

describe('classifyAddress', () => {
  it.each(table)('%s is %s', (address, expected) => {
    expect(classifyAddress(address)).toBe(expected);
  });

  it.each(['localhost', 'example.org', '', '[::1]', '::1::', '1.2.3.4.5', '127.0.0.1:80'])(
    '%p is not an IP address',
    (text) => {
      expect(classifyAddress(text)).toBeUndefined();
    },
  );
});

describe('mayReceiveWebhooks', () => {
  const privateNetworks: AddressClass[] = ['loopback', 'private', 'link-local', 'shared'];
  const never: AddressClass[] = ['cloud-metadata', 'unspecified', 'broadcast', 'multicast', 'reserved'];

  it('by default: public addresses only', () => {
    for (const [address, addressClass] of table) {
      expect([address, mayReceiveWebhooks(address, false)]).toEqual([address, addressClass === 'public']);
    }
  });

  it('with private networks allowed: also loopback, private, link-local and shared, still never metadata', () => {
    for (const [address, addressClass] of table) {
      const expected = addressClass === 'public' || privateNetworks.includes(addressClass);
      expect([address, mayReceiveWebhooks(address, true)]).toEqual([address, expected]);
    }
    // the table covers every class, so both rules above were exercised for each
    const classes = new Set(table.map(([, addressClass]) => addressClass));
    expect([...classes].sort()).toEqual(['public', ...privateNetworks, ...never].sort());
  });

  it('refuses anything that is not an IP address, whatever the setting', () => {
    expect(mayReceiveWebhooks('localhost', true)).toBe(false);
    expect(mayReceiveWebhooks('not an address', false)).toBe(false);
  });
});
