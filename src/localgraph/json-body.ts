import type { z } from 'zod';
import type { AppContext } from './context';
import { badRequest, describeZodError } from './errors';

/** Reads and parses a JSON body with Graph's own message for unreadable payloads. */
export async function readJson(c: AppContext): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === '') {
    throw badRequest('Empty Payload. JSON content expected.', 'BadRequest');
  }
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest(
      'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
      'BadRequest',
    );
  }
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
