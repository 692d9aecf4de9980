import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/** One request that broke a rule. */
export interface Failure {
  /** "mutation createParticipant", "GET /admin/queues/api/queues", "ws subscribe", ... */
  operation: string;
  /** Where the hostile value went: an argument path, a header, "body". */
  where: string;
  /** What kind of input it was: "NUL character", "forged cursor", "bad cookie", ... */
  input: string;
  /** What went wrong: "INTERNAL_SERVER_ERROR", "HTTP 500", "process exited", ... */
  outcome: string;
  actor: string;
  /** The request, shortened and escaped, enough to replay by hand. */
  request: string;
  /** The first 200 characters of the answer. */
  answer: string;
  requestId?: string;
}

interface FailureClass {
  first: Failure;
  count: number;
  serverLog?: string;
}

const short = (text: string, max: number) => {
  const line = text.replace(/\s*\n\s*/g, ' ⏎ ');
  return line.length > max ? `${line.slice(0, max)}…` : line;
};
/** A logged error without its stack: the message is what says what happened. */
const withoutStack = (text: string) => text.split(/\n\s+at /)[0];

/**
 * Failures grouped into classes (operation, argument path, input kind,
 * outcome), each with its first example and the API's own log line for it.
 * A new class is appended to the findings file as soon as it is complete, so
 * someone can start fixing while the run goes on.
 */
export class Findings {
  private readonly classes = new Map<string, FailureClass>();
  private readonly pending: FailureClass[] = [];
  private headed = false;

  constructor(
    private readonly file: string,
    private readonly seed: number,
    private readonly phase: string,
    private readonly serverLog: (requestId: string) => string | undefined,
  ) {
    mkdirSync(dirname(file), { recursive: true });
  }

  add(failure: Failure): void {
    const key = [failure.operation, failure.where, failure.input, failure.outcome].join(' | ');
    const known = this.classes.get(key);
    if (known) {
      known.count++;
      return;
    }
    const entry: FailureClass = { first: failure, count: 1 };
    this.classes.set(key, entry);
    this.pending.push(entry);
  }

  get size(): number {
    return this.classes.size;
  }

  /** Writes the classes found since the last flush, with the server's log line for each (it arrives a moment later). */
  flush(): void {
    if (this.pending.length && !this.headed) {
      appendFileSync(this.file, `\n## Fuzz run, seed ${this.seed}: ${this.phase} (${new Date().toISOString()})\n\n`);
      this.headed = true;
    }
    for (const entry of this.pending.splice(0)) {
      const logged = entry.first.requestId ? this.serverLog(entry.first.requestId) : undefined;
      if (logged) entry.serverLog = withoutStack(logged);
      const f = entry.first;
      appendFileSync(
        this.file,
        [
          `- **${f.operation}** · \`${f.where}\` · ${f.input} → **${f.outcome}** (as ${f.actor})`,
          `  - request: \`${short(f.request, 400).replace(/`/g, 'ˋ')}\``,
          `  - answer: \`${short(f.answer, 200).replace(/`/g, 'ˋ')}\``,
          ...(entry.serverLog ? [`  - server log: \`${short(entry.serverLog, 300).replace(/`/g, 'ˋ')}\``] : []),
          '',
        ].join('\n'),
      );
    }
  }

  /** The compact list for the test's failure message. */
  summary(): string {
    this.flush();
    if (this.classes.size === 0) return '';
    const lines = [...this.classes.values()]
      .sort(
        (a, b) => a.first.outcome.localeCompare(b.first.outcome) || a.first.operation.localeCompare(b.first.operation),
      )
      .map(({ first: f, count, serverLog }) =>
        [
          `• ${f.operation} · ${f.where} · ${f.input} → ${f.outcome} ×${count} (${f.actor})`,
          `    answer: ${short(f.answer, 200)}`,
          ...(serverLog ? [`    server: ${short(serverLog, 200)}`] : []),
        ].join('\n'),
      );
    return `${this.phase}: ${this.classes.size} failure classes (seed ${this.seed}; FUZZ_SEED=${this.seed} replays; details in ${this.file}):\n${lines.join('\n')}`;
  }
}
