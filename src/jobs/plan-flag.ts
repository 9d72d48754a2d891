import type { Plan } from '../domain';
import { NotFoundError } from '../plan/errors';

/** `--plan` by id or title (case-insensitive); without it, the site's only plan. */
export function resolvePlan<T extends Plan>(plans: readonly T[], ref: string | undefined): T {
  const list = () => plans.map((p) => `"${p.title}" (id ${p.id})`).join(', ');
  if (ref === undefined || ref.trim() === '') {
    const [only] = plans;
    if (plans.length === 1 && only) return only;
    if (plans.length === 0)
      throw new NotFoundError('This site holds no plan yet: run `npm run seed:demo` or import one');
    throw new NotFoundError(`This site holds ${plans.length} plans: name one with --plan (${list()})`);
  }
  const wanted = ref.trim();
  const found =
    plans.find((p) => p.id === wanted) ?? plans.find((p) => p.title.toLowerCase() === wanted.toLowerCase());
  if (!found) {
    throw new NotFoundError(
      `No plan with the id or title "${wanted}" on this site${plans.length ? `; its plans: ${list()}` : ''}`,
    );
  }
  return found;
}
