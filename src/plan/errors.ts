/**
 * The typed errors every use case may throw, for views and commands to decide what
 * to say: the data layer maps Graph's answers to them, and nothing else needs to
 * know where they come from.
 */
export {
  AuthenticationError,
  ConflictError,
  NotFoundError,
  ReadOnlyError,
  ThrottledError,
  ValidationError,
} from '../graph/errors';

/** A reminder run that must not start (channels its sender cannot reach, no sender): nothing was sent. */
export class RunRefusedError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Nothing was sent: ${problems.join('; ')}`);
    this.name = 'RunRefusedError';
  }
}
