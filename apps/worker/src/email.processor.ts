import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job } from 'bullmq';
import { createTransport, Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig, JobPayloads, QUEUES, QueueFactory } from '@app/core';
import { emailLanguage, renderEmail } from '@app/notifications';

interface DeliveryRow {
  id: string;
  to_address: string;
  language: string;
  subject: string;
  status: 'PENDING' | 'SENT' | 'FAILED';
  event_type: string;
  summary: Record<string, unknown>;
}

export type EmailOutcome = 'sent' | 'skipped';

/**
 * Sends the e-mail channel over SMTP. The send is recorded before the job is
 * acknowledged: the row is marked SENT right after the SMTP server accepted the
 * message, and a row that is not PENDING is skipped, so a job that runs twice
 * sends once (unless the process dies between acceptance and the UPDATE).
 * Retries with backoff come from the queue's job options; the last failed
 * attempt marks the row FAILED. Idle when SMTP is not configured.
 */
@Injectable()
export class EmailProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(EmailProcessor.name);
  private transport?: Transporter;

  constructor(
    private readonly queues: QueueFactory,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const mail = this.config.mail;
    if (!mail) return;
    this.transport = createTransport({
      host: mail.host,
      port: mail.port,
      secure: mail.secure,
      auth: mail.user ? { user: mail.user, pass: mail.password } : undefined,
    });
    this.queues.worker(QUEUES.emails, (job) => this.process(job), {
      concurrency: this.config.notifications.concurrency,
    });
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }

  async process(job: Job): Promise<EmailOutcome> {
    if (job.name !== 'emails.send') throw new Error(`Unknown job ${job.name} on the emails queue`);
    const { deliveryId } = job.data as JobPayloads['emails.send'];
    try {
      return await this.send(deliveryId);
    } catch (error) {
      const final = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      await this.dataSource.query(
        `UPDATE email_deliveries
            SET attempts = attempts + 1, last_error = $2, status = CASE WHEN $3 THEN 'FAILED' ELSE status END
          WHERE id = $1 AND status = 'PENDING'`,
        [deliveryId, String((error as Error).message).slice(0, 1000), final],
      );
      if (final) this.logger.warn(`e-mail ${deliveryId} failed for good: ${(error as Error).message}`);
      throw error;
    }
  }

  private async send(deliveryId: string): Promise<EmailOutcome> {
    const [row]: DeliveryRow[] = await this.dataSource.query(
      `SELECT d.id, d.to_address, d.language, d.subject, d.status, n.event_type, n.summary
         FROM email_deliveries d JOIN notifications n ON n.id = d.notification_id
        WHERE d.id = $1`,
      [deliveryId],
    );
    if (!row || row.status !== 'PENDING') return 'skipped';
    if (!this.transport || !this.config.mail) throw new Error('SMTP is not configured');
    const { text } = renderEmail(row.event_type, row.summary, emailLanguage(row.language));
    await this.transport.sendMail({
      from: this.config.mail.from,
      to: row.to_address,
      subject: row.subject,
      text,
      headers: { 'X-Email-Delivery-Id': row.id },
    });
    // Accepted by the SMTP server: record it before the job is acknowledged.
    await this.dataSource.query(
      `UPDATE email_deliveries SET status = 'SENT', sent_at = now(), attempts = attempts + 1, last_error = NULL
        WHERE id = $1`,
      [row.id],
    );
    return 'sent';
  }
}
