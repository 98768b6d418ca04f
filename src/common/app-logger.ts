import { ConsoleLogger } from '@nestjs/common';
import { DomainError } from './domain-error';

/** Nest's own start-up chatter, which says nothing to the person running the server. */
const QUIET_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory', 'NestApplication']);

/**
 * The server's logger: our own messages, warnings and errors, without the framework's
 * start-up lines, and without Nest's stack dump of an expected failure at start (such as
 * an unreachable database): main prints that one as a plain Swedish sentence.
 */
export class AppLogger extends ConsoleLogger {
  override log(message: unknown, context?: string): void {
    if (context && QUIET_CONTEXTS.has(context)) return;
    super.log(message, context);
  }

  override error(message: unknown, ...rest: unknown[]): void {
    if (message instanceof DomainError) return;
    super.error(message, ...(rest as [string?, string?]));
  }
}
