/** Host side of the door: checks a call against the allow-list and its zod schema, then runs the service. */
import { argsSchemaOf, type HostErrorPayload, type HostServices } from './contract';

export class HostError extends Error {
  constructor(readonly code: HostErrorPayload['code'], message: string) {
    super(message);
    this.name = 'HostError';
  }
  toPayload(): HostErrorPayload {
    return { code: this.code, message: this.message };
  }
}

export type Dispatch = (methodId: unknown, arg: unknown) => Promise<unknown>;

export function createDispatcher(services: HostServices): Dispatch {
  return async (methodId, arg) => {
    const schema = typeof methodId === 'string' ? argsSchemaOf(methodId) : null;
    if (!schema) throw new HostError('unknown-method', `"${String(methodId)}" is not a host method`);
    const parsed = schema.safeParse(arg);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? ` (${issue.path.join('.')})` : '';
      throw new HostError('invalid-argument', `${methodId}: ${issue?.message ?? 'invalid argument'}${where}`);
    }
    const [s, m] = (methodId as string).split('.') as [string, string];
    const service = (services as unknown as Record<string, Record<string, (a: unknown) => Promise<unknown>>>)[s]!;
    return service[m]!.call(service, parsed.data);
  };
}
