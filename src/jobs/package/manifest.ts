import { GRAPH_PERMISSIONS, graphScopes } from '../../auth/entra-scopes';
import type { PackageConfig } from './config';
import { ACCENT_COLOR } from './icons';

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export class TemplateError extends Error {}

type TemplateValue = string | readonly string[];

/**
 * The values a template may use, as `${{NAME}}` inside any string; a list (GRAPH_SCOPES)
 * only as a whole value: `"scopes": "${{GRAPH_SCOPES}}"`.
 */
export function templateValues(config: PackageConfig): Record<string, TemplateValue> {
  return {
    TEAMS_APP_ID: config.teamsAppId,
    ENTRA_CLIENT_ID: config.entraClientId,
    TAB_HOST_URL: config.hostUrl,
    TAB_DOMAIN: config.hostDomain,
    APP_VERSION: config.version,
    ACCENT_COLOR,
    /** The tab's own token request, scope for scope and in order, so Teams can prefetch its token. */
    GRAPH_SCOPES: graphScopes(config.graphBaseUrl, GRAPH_PERMISSIONS),
  };
}

const PLACEHOLDER = /\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g;
const WHOLE_PLACEHOLDER = /^\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}$/;

/**
 * The manifest for one council: the template (manifest/manifest.template.json) with
 * every `${{NAME}}` filled in. A name the template uses but packaging does not know
 * is an error, never left in place.
 */
export function renderManifest(templateText: string, config: PackageConfig): JsonObject {
  let template: unknown;
  try {
    template = JSON.parse(templateText);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new TemplateError(`The manifest template is not valid JSON: ${reason}`);
  }
  const filled = fill(template, templateValues(config), '');
  if (filled === null || typeof filled !== 'object' || Array.isArray(filled)) {
    throw new TemplateError('The manifest template must be a JSON object');
  }
  return filled;
}

function fill(value: unknown, values: Record<string, TemplateValue>, path: string): Json {
  if (typeof value === 'string') {
    const whole = WHOLE_PLACEHOLDER.exec(value)?.[1];
    if (whole !== undefined) {
      const replacement = lookUp(whole, values, path);
      return typeof replacement === 'string' ? replacement : [...replacement];
    }
    return value.replace(PLACEHOLDER, (_match, name: string) => {
      const replacement = lookUp(name, values, path);
      if (typeof replacement !== 'string') {
        throw new TemplateError(
          `The manifest template's ${path} puts \${{${name}}}, a list, inside a string: make it the whole value`,
        );
      }
      return replacement;
    });
  }
  if (Array.isArray(value)) return value.map((item, index) => fill(item, values, `${path}[${index}]`));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, fill(item, values, path ? `${path}.${key}` : key)]),
    );
  }
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return value;
  throw new TemplateError(`The manifest template's ${path} is not JSON`);
}

function lookUp(name: string, values: Record<string, TemplateValue>, path: string): TemplateValue {
  const value = values[name];
  if (value === undefined) {
    throw new TemplateError(
      `The manifest template's ${path || 'root'} uses \${{${name}}}, which packaging does not fill in (it knows ${Object.keys(values).join(', ')})`,
    );
  }
  return value;
}
