import { GraphQLSchema } from 'graphql';
import { bodyOf, caseClass, describeCase, GraphQLCase } from './graphql-cases';
import { HttpCase } from './http-cases';
import { KnownObjects } from './known-objects';
import { Answer, judgeGraphQL, judgeHttp, leaksIn } from './oracle';
import { readBackFor, WrittenRow, WrittenRows } from './readback';
import { Probe } from './runner';
import { send, sendRaw } from './transport';
import { describe } from './values';
import { judgeWebSocket, runWebSocketCase, WebSocketCase } from './websocket-cases';

/** What the run did, to prove it did it: requests per operation and actor, answers per code, kinds of input sent. */
export class Coverage {
  readonly operationActor = new Map<string, number>();
  readonly outcomes = new Map<string, Map<string, number>>();
  readonly inputKinds = new Map<string, number>();
  /** By operation name: the actors a plausible request of it succeeded for. */
  readonly succeeded = new Map<string, Set<string>>();
  /** For plausible requests: how many succeeded, and why the others were refused (first message per operation). */
  plausibleSucceeded = 0;
  plausibleSent = 0;
  readonly plausibleRefusals = new Map<string, string>();
  /** Read-backs by type and outcome ("Participant: ok", "Partnership: NOT_FOUND"). */
  readonly readBacks = new Map<string, number>();
  /** Requests whose own body contains what the oracle looks for in answers (must stay 0: an echo would look like a leak). */
  selfLeakingRequests = 0;

  count(map: Map<string, number>, key: string): void {
    map.set(key, (map.get(key) ?? 0) + 1);
  }

  outcome(operation: string, outcome: string): void {
    const byCode = this.outcomes.get(operation) ?? new Map<string, number>();
    this.count(byCode, outcome);
    this.outcomes.set(operation, byCode);
  }

  /** "createParticipant: ok 12, BAD_USER_INPUT 40, ..." per operation. */
  table(): string {
    return [...this.outcomes.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([op, codes]) => `  ${op}: ${[...codes.entries()].map(([c, n]) => `${c} ${n}`).join(', ')}`)
      .join('\n');
  }
}

function outcomeOf(answer: Answer): string {
  if (answer.networkError) return 'no answer';
  try {
    const body = JSON.parse(answer.text) as { errors?: { extensions?: { code?: string } }[] };
    const code = body.errors?.[0]?.extensions?.code;
    return code ?? (answer.status < 300 ? 'ok' : `HTTP ${answer.status}`);
  } catch {
    return `HTTP ${answer.status}`;
  }
}

/** A generated GraphQL request as a probe; its answer feeds coverage, versions and the rows to read back. */
export function graphqlProbe(
  c: GraphQLCase,
  seed: number,
  coverage: Coverage,
  known: KnownObjects,
  written: WrittenRows,
  readBack: (row: WrittenRow, when: string) => Probe | undefined,
): Probe {
  const body = bodyOf(c);
  const { where, input } = caseClass(c);
  const requestId = `fuzz-${seed}-${c.round.charAt(0)}${c.index}`;
  if (leaksIn(body).length) coverage.selfLeakingRequests++;
  return {
    operation: c.op.label,
    where,
    input,
    actor: c.actor.key,
    request: describeCase(c),
    requestId,
    send: (baseUrl) =>
      send(baseUrl, {
        method: 'POST',
        path: '/graphql',
        headers: {
          'content-type': 'application/json',
          'x-request-id': requestId,
          ...(c.actor.token ? { authorization: `Bearer ${c.actor.token}` } : {}),
        },
        body,
      }),
    judge: judgeGraphQL,
    onAnswer: (answer) => {
      coverage.count(coverage.operationActor, `${c.op.label} as ${c.actor.key}`);
      for (const m of c.mutations) coverage.count(coverage.inputKinds, m.kind);
      if (c.structural) coverage.count(coverage.inputKinds, c.structural);
      if (c.mutations.length === 0 && !c.structural) coverage.count(coverage.inputKinds, 'plausible');
      const outcome = outcomeOf(answer);
      coverage.outcome(c.op.label, outcome);
      if (c.mutations.length === 0 && !c.structural) {
        coverage.plausibleSent++;
        if (outcome === 'ok') {
          coverage.plausibleSucceeded++;
          coverage.succeeded.set(c.op.name, (coverage.succeeded.get(c.op.name) ?? new Set()).add(c.actor.key));
        } else if (!coverage.plausibleRefusals.has(c.op.label))
          coverage.plausibleRefusals.set(c.op.label, `${c.actor.key}: ${answer.text.slice(0, 300)}`);
      }
      let data: Record<string, unknown> | undefined;
      try {
        data = (JSON.parse(answer.text) as { data?: Record<string, unknown> }).data;
      } catch {
        return; // not JSON: judged already
      }
      if (!data) return;
      known.harvest(data, c.actor.organisationId);
      // A row written (even if the answer also carried errors) is read back at once, by its writer.
      const row = c.op.kind === 'mutation' ? written.add(c.actor, data[c.op.name], c.op.name) : undefined;
      return row && readBack(row, `right after ${c.op.name}`);
    },
  };
}

export function httpProbe(c: HttpCase, index: number, seed: number, coverage: Coverage): Probe {
  const requestId = `fuzz-${seed}-h${index}`;
  const request = c.request
    ? { ...c.request, headers: { 'x-request-id': requestId, ...c.request.headers } }
    : undefined;
  return {
    operation: c.operation,
    where: c.where,
    input: c.input,
    actor: '-',
    request: request
      ? `${request.method} ${request.path.slice(0, 200)} headers ${describe(request.headers, 300)} body ${describe(typeof request.body === 'string' ? request.body : String(request.body ?? ''), 300)}`
      : describe(c.raw!.toString('latin1'), 300),
    requestId,
    send: (baseUrl) => (request ? send(baseUrl, request) : sendRaw(baseUrl, c.raw!)),
    judge: c.graphql ? judgeGraphQL : judgeHttp,
    onAnswer: (answer) => {
      coverage.count(coverage.inputKinds, `HTTP: ${c.input}`);
      coverage.outcome(`${c.operation} [${c.where}]`, answer.networkError ? 'no answer' : `HTTP ${answer.status}`);
    },
  };
}

export function webSocketProbe(c: WebSocketCase, coverage: Coverage): Probe {
  return {
    operation: 'subscription over graphql-ws',
    where: 'session',
    input: c.input,
    actor: c.actor.key,
    request:
      (c.operation ? `${c.operation}: ` : '') +
      describe(
        c.messages.map((m) =>
          Buffer.isBuffer(m) ? `<binary ${m.length} bytes>` : typeof m === 'string' ? m : JSON.stringify(m),
        ),
        400,
      ),
    requestId: '',
    send: (baseUrl) => runWebSocketCase(baseUrl, c),
    judge: judgeWebSocket,
    onAnswer: (answer) => {
      coverage.count(coverage.inputKinds, `ws: ${c.input}`);
      coverage.outcome('subscription over graphql-ws', answer.networkError ? 'no answer' : `closed ${answer.status}`);
    },
  };
}

/**
 * Reads a written row back as its writer, with every field. It fails on what
 * any answer fails on (an internal error is what a row saved in a shape the
 * schema cannot return gives); a coded refusal (NOT_FOUND after the writer's
 * organisation left a partnership, ...) is counted, not failed.
 */
export function readBackProbe(
  schema: GraphQLSchema,
  row: WrittenRow,
  when: string,
  requestId: string,
  coverage: Coverage,
): Probe | undefined {
  const plan = readBackFor(schema, row);
  if (!plan) {
    coverage.count(coverage.readBacks, `${row.typename}: no way to read it back`);
    return undefined;
  }
  const body = JSON.stringify({ query: plan.query, variables: plan.variables });
  return {
    operation: `read back ${row.typename}`,
    where: `${when}`,
    input: `a row written by ${row.by}`,
    actor: row.actor.key,
    request: `${plan.query.slice(0, 150)}… ${JSON.stringify(plan.variables)}`,
    requestId,
    send: (baseUrl) =>
      send(baseUrl, {
        method: 'POST',
        path: '/graphql',
        headers: {
          'content-type': 'application/json',
          'x-request-id': requestId,
          ...(row.actor.token ? { authorization: `Bearer ${row.actor.token}` } : {}),
        },
        body,
      }),
    judge: judgeGraphQL,
    onAnswer: (answer) => {
      const outcome = outcomeOf(answer);
      coverage.count(coverage.readBacks, `${row.typename}: ${outcome}`);
      if (outcome === 'ok' && plan.mustFind) {
        const data = (JSON.parse(answer.text) as { data?: Record<string, any> }).data;
        if (data && !plan.found(data)) coverage.count(coverage.readBacks, `${row.typename}: answered without the row`);
      }
    },
  };
}
