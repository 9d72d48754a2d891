import Ajv from 'ajv';
import draft06 from 'ajv/dist/refs/json-schema-draft-06.json';

import adaptiveCardSchema from './fixtures/adaptive-card-1.5.subset.json';

/**
 * Validates cards against the Adaptive Card 1.5 schema (a faithful subset: see the
 * fixture's $comment). The official schema forbids unknown root properties, so the
 * Teams host extension `msteams` is checked against its own schema, taken from
 * Teams' documentation of card mentions, and removed before the card is checked.
 */
const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addMetaSchema(draft06);
ajv.addFormat('uri', (value: string) => URL.canParse(value));
ajv.addFormat('uri-reference', (value: string) => URL.canParse(value, 'https://relative.invalid/'));

// Draft-06 names the schema with "id", which Ajv 8 only knows as "$id".
const { id: schemaId, ...officialSchema } = adaptiveCardSchema;
const validateCard = ajv.compile({ $id: schemaId, ...officialSchema });
const validateTeamsExtension = ajv.compile({
  type: 'object',
  additionalProperties: false,
  properties: {
    width: { enum: ['Full'] },
    entities: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['type', 'text', 'mentioned'],
        properties: {
          type: { enum: ['mention'] },
          text: { type: 'string', pattern: '^<at>.+</at>$' },
          mentioned: {
            type: 'object',
            additionalProperties: false,
            required: ['id', 'name'],
            properties: { id: { type: 'string', minLength: 1 }, name: { type: 'string', minLength: 1 } },
          },
        },
      },
    },
  },
});

/** Schema errors as readable lines; empty when the card is valid. */
export function cardSchemaErrors(card: unknown): string[] {
  const errors: string[] = [];
  const { msteams, rest } = splitHostExtension(card);
  if (!validateCard(rest)) {
    errors.push(...(validateCard.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`));
  }
  if (msteams !== undefined && !validateTeamsExtension(msteams)) {
    errors.push(
      ...(validateTeamsExtension.errors ?? []).map((e) => `/msteams${e.instancePath} ${e.message ?? ''}`),
    );
  }
  return errors;
}

function splitHostExtension(card: unknown): { msteams: unknown; rest: unknown } {
  if (typeof card !== 'object' || card === null || Array.isArray(card))
    return { msteams: undefined, rest: card };
  const { msteams, ...rest }: { msteams?: unknown } & Record<string, unknown> = { ...card };
  return { msteams, rest };
}
