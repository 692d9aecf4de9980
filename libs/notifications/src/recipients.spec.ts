import { audienceFor, MANDATORY_EVENTS, NOTIFICATION_EVENT_TYPES } from './recipients';

describe('known notification event types', () => {
  it.each(NOTIFICATION_EVENT_TYPES)('%s has an audience', (eventType) => {
    expect(
      audienceFor({ id: 'e', event_type: eventType, aggregate_type: 'x', aggregate_id: 'y', payload: {} }),
    ).toBeDefined();
  });

  it('lists the mandatory events among them', () => {
    expect(MANDATORY_EVENTS).toEqual(expect.arrayContaining(['consent.withdrawn', 'webhook.disabled']));
    for (const eventType of MANDATORY_EVENTS) expect(NOTIFICATION_EVENT_TYPES).toContain(eventType);
  });
});
