import { ApiProcess } from './api-process';
import { Findings } from './findings';
import { Answer, Problem } from './oracle';

/** One request to send and judge, described well enough to be filed as a failure. */
export interface Probe {
  operation: string;
  where: string;
  input: string;
  actor: string;
  /** The request, shortened, for the findings. */
  request: string;
  requestId: string;
  send(baseUrl: string): Promise<Answer>;
  judge(answer: Answer): Problem[];
  /**
   * Called with every answer (after judging): statistics, harvesting what was
   * created. May return a probe to send next in the same lane (reading back
   * the row just written).
   */
  onAnswer?(answer: Answer): Probe | void;
}

/** After this many deaths the rest of a phase is skipped: the findings so far say enough. */
const MAX_DEATHS = 30;

/**
 * What a death is blamed on: each kind of input in the request ("undecodable
 * cookie %", or the parts of a mix of them) on the operation (for a URL, its
 * first two segments: /admin/queues/api/queues and /admin/queues/login are
 * one family). Once one has killed the process, requests carrying it are
 * skipped rather than killing the process again and again.
 */
function killerKeys(probe: Probe): string[] {
  const route = /^\S+ (\/[^/?\s]*(?:\/[^/?\s]*)?)/.exec(probe.operation)?.[1] ?? probe.operation;
  return probe.input.split(' + ').map((part) => `${route}|${part}`);
}

/**
 * Sends probes a few at a time, judges each answer, and watches the API
 * process: when it dies, the requests in flight are the suspects; after a
 * restart each is sent again alone, and the one that kills it again is filed
 * as "process exited" with what the process printed last.
 */
export class Runner {
  sent = 0;
  /** Requests not sent because the same kind of request killed the process already. */
  skipped = 0;
  private readonly killers = new Set<string>();
  private inFlight = 0;
  private suspects: Probe[] = [];
  private recovering?: Promise<void>;

  constructor(
    private readonly api: ApiProcess,
    private readonly findings: Findings,
    private readonly concurrency: number,
  ) {}

  /** Runs `count` probes made by `make(i)`, `concurrency` at a time. */
  async run(count: number, make: (index: number) => Probe): Promise<void> {
    if (!(await this.api.answers())) await this.api.restart();
    let next = 0;
    const lane = async () => {
      for (;;) {
        if (this.recovering) await this.recovering;
        if (next >= count) return;
        await this.runOne(make(next++));
        if (next % 200 === 0) this.findings.flush();
      }
    };
    await Promise.all(Array.from({ length: this.concurrency }, lane));
    this.findings.flush();
  }

  private async runOne(probe: Probe): Promise<void> {
    if (killerKeys(probe).some((k) => this.killers.has(k)) || this.api.deaths >= MAX_DEATHS) {
      this.skipped++;
      return;
    }
    this.inFlight++;
    this.sent++;
    const answer = await probe.send(this.api.baseUrl);
    const died = answer.networkError !== undefined && !(await this.stillAnswers());
    this.inFlight--;
    if (died) {
      this.suspects.push(probe);
      this.recovering ??= this.recover().finally(() => (this.recovering = undefined));
      return this.recovering;
    }
    const followUp = this.record(probe, answer);
    if (followUp) await this.runOne(followUp);
  }

  /** Whether the process still answers, a moment after a request got no answer. */
  private async stillAnswers(): Promise<boolean> {
    await new Promise((r) => setTimeout(r, 100));
    return this.api.answers();
  }

  private record(probe: Probe, answer: Answer): Probe | void {
    for (const problem of probe.judge(answer)) {
      this.findings.add({
        operation: probe.operation,
        where: probe.where,
        input: probe.input,
        outcome: problem.outcome,
        actor: probe.actor,
        request: probe.request,
        answer: answer.networkError ?? `${answer.status} ${answer.text.slice(0, 200)}`,
        requestId: probe.requestId,
      });
    }
    return probe.onAnswer?.(answer);
  }

  private async recover(): Promise<void> {
    // Let the other requests in flight fail too: they are suspects as well.
    const settleBy = Date.now() + 3_000;
    while (this.inFlight > 0 && Date.now() < settleBy) await new Promise((r) => setTimeout(r, 20));
    const suspects = this.suspects.splice(0);
    const epitaph = await this.restartOrStop();
    let culprit: Probe | undefined;
    for (const probe of suspects) {
      this.sent++;
      const answer = await probe.send(this.api.baseUrl);
      // A crash may come a moment after the answer (an unhandled rejection): look a little later.
      await new Promise((r) => setTimeout(r, 150));
      if (!(await this.api.answers())) {
        culprit = probe;
        this.fileDeath(probe, await this.restartOrStop());
        continue;
      }
      this.record(probe, answer);
    }
    if (!culprit) {
      this.findings.add({
        operation: 'API process',
        where: '(unknown request)',
        input: `one of: ${suspects.map((s) => `${s.operation} ${s.input}`).join('; ')}`.slice(0, 300),
        outcome: 'process exited (not reproduced alone)',
        actor: '-',
        request: suspects.map((s) => s.request).join(' || '),
        answer: epitaph,
      });
    }
  }

  private fileDeath(probe: Probe, epitaph: string): void {
    for (const key of killerKeys(probe)) this.killers.add(key);
    this.findings.add({
      operation: probe.operation,
      where: probe.where,
      input: probe.input,
      outcome: 'process exited',
      actor: probe.actor,
      request: probe.request,
      answer: epitaph,
    });
  }

  private async restartOrStop(): Promise<string> {
    const epitaph = await this.api.restart();
    if (this.api.deaths === MAX_DEATHS) {
      this.findings.add({
        operation: 'API process',
        where: '(run)',
        input: '-',
        outcome: `died ${MAX_DEATHS} times: the rest of this phase was skipped`,
        actor: '-',
        request: '-',
        answer: epitaph,
      });
    }
    return epitaph;
  }
}
