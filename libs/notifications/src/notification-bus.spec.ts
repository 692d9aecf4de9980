import { DataSource } from 'typeorm';
import { AppConfig } from '@app/core';
import { NotificationBus, batches } from './notification-bus';

const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

describe('NotificationBus.publish (PostgreSQL backing)', () => {
  function busWithStubbedDatabase() {
    const query = jest.fn().mockResolvedValue([]);
    const bus = new NotificationBus({ query } as unknown as DataSource, {} as AppConfig);
    return { bus, query };
  }

  it('sends what is published in the same tick together, in one statement', async () => {
    const { bus, query } = busWithStubbedDatabase();
    await Promise.all([
      bus.publish([{ id: uuid(1), user_id: uuid(101) }]),
      bus.publish([
        { id: uuid(2), user_id: uuid(102) },
        { id: uuid(3), user_id: uuid(101) },
      ]),
    ]);
    expect(query).toHaveBeenCalledTimes(1);
    const [, [channel, payloads]] = query.mock.calls[0] as [string, [string, string[]]];
    expect(channel).toBe('notification_added');
    expect(payloads.map((payload) => JSON.parse(payload) as unknown)).toEqual([
      { userIds: [uuid(101), uuid(102)], notificationIds: [uuid(1), uuid(2), uuid(3)] },
    ]);
  });

  it('sends again for what is published after a send', async () => {
    const { bus, query } = busWithStubbedDatabase();
    await bus.publish([{ id: uuid(1), user_id: uuid(101) }]);
    await bus.publish([{ id: uuid(2), user_id: uuid(101) }]);
    expect(query).toHaveBeenCalledTimes(2);
  });

  it('never throws: a failed send is logged', async () => {
    const query = jest.fn().mockRejectedValue(new Error('connection lost'));
    const bus = new NotificationBus({ query } as unknown as DataSource, {} as AppConfig);
    await expect(bus.publish([{ id: uuid(1), user_id: uuid(101) }])).resolves.toBeUndefined();
  });
});

describe('batches', () => {
  it('keeps every message under the NOTIFY payload limit', () => {
    const rows = Array.from({ length: 500 }, (_, i) => ({ id: uuid(i), user_id: uuid(1000 + i) }));
    const messages = batches(rows);
    expect(messages.length).toBeGreaterThan(1);
    for (const message of messages) expect(JSON.stringify(message).length).toBeLessThan(8000);
    expect(messages.flatMap((message) => message.notificationIds)).toEqual(rows.map((row) => row.id));
  });
});
