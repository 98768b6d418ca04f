import { ConsoleLogger } from '@nestjs/common';

/** Nest's own start-up chatter, which says nothing to the person running the server. */
const QUIET_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory', 'NestApplication']);

/** The server's logger: our own messages, warnings and errors, without the framework's start-up lines. */
export class AppLogger extends ConsoleLogger {
  override log(message: unknown, context?: string): void {
    if (context && QUIET_CONTEXTS.has(context)) return;
    super.log(message, context);
  }
}
