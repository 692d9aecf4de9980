/**
 * Options of the notification channels' jobs (delivery, e-mail, webhook)
 * besides their id. A completed one is removed at once: its row records the
 * outcome (`outbox.delivered_at` and `attempts`, the e-mail's or webhook
 * delivery's status). The queues' default keeps the last 1,000 completed jobs,
 * which BullMQ's PostgreSQL backend enforces on every completion by deleting
 * all but the newest 1,000: a scan of them all, half the queue's throughput,
 * and "deadlock detected" between concurrent completions. Failed jobs stay
 * (the default), for inspection and for the reconciler.
 */
export const CHANNEL_JOB_OPTIONS = { removeOnComplete: true } as const;
