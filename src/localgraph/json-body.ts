import type { z } from 'zod';
import type { AppContext } from './context';
import { badRequest, describeZodError } from './errors';

class ReservedKeyError extends Error {}

/**
 * Parses JSON text, refusing `__proto__` keys anywhere: JSON.parse keeps them as plain
 * keys, but copying one into another object (as validation does) would replace that
 * object's prototype or silently drop the value.
 */
export function parseJsonText(text: string): { ok: true; value: unknown } | { ok: false; reserved: boolean } {
  try {
    const value: unknown = JSON.parse(text, (key, v: unknown) => {
      if (key === '__proto__') throw new ReservedKeyError();
      return v;
    });
    return { ok: true, value };
  } catch (err) {
    return { ok: false, reserved: err instanceof ReservedKeyError };
  }
}

/** Reads and parses a JSON body with Graph's own message for unreadable payloads. */
export async function readJson(c: AppContext): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === '') {
    throw badRequest('Empty Payload. JSON content expected.', 'BadRequest');
  }
  const parsed = parseJsonText(text);
  if (parsed.ok) return parsed.value;
  if (parsed.reserved)
    throw badRequest("The key '__proto__' is not allowed in a request body.", 'BadRequest');
  throw badRequest(
    'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
    'BadRequest',
  );
}

export async function readBody<T extends z.ZodType>(
  c: AppContext,
  schema: T,
  what: string,
  code = 'invalidRequest',
): Promise<z.infer<T>> {
  const json = await readJson(c);
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw badRequest(describeZodError(parsed.error, what), code);
  return parsed.data;
}
