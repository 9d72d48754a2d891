import { z } from 'zod';
import { GUID, SEMVER } from './config';
import type { Icon } from './icons';
import type { Json, JsonObject } from './manifest';

/**
 * Our own checks on a rendered manifest and its icons, beyond the official schema:
 * what Teams or the store reviewers would refuse later, said now, one line each.
 */

/** Icon sizes and colours: https://learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/apps-package#app-icons */
export const COLOR_ICON_SIZE = 192;
export const OUTLINE_ICON_SIZE = 32;
/** An outline icon is a glyph on a transparent background: at least this share of it must be transparent. */
export const MIN_TRANSPARENT_SHARE = 0.25;

const manifestShape = z.object({
  id: z.string(),
  version: z.string(),
  validDomains: z.array(z.string()).default([]),
  webApplicationInfo: z.object({ id: z.string() }).optional(),
});

/** The `nestedAppAuthInfo` redirect: the broker scheme and the tab's domain, never https. */
const NAA_REDIRECT_SCHEME = 'brk-multihub:';

export function checkManifest(manifest: JsonObject): string[] {
  const parsed = manifestShape.safeParse(manifest);
  if (!parsed.success) {
    return parsed.error.issues.map((issue) => `manifest ${issue.path.join('.')}: ${issue.message}`);
  }
  const { id, version, validDomains, webApplicationInfo } = parsed.data;
  const problems: string[] = [];
  if (!GUID.test(id)) problems.push(`id "${id}" is not a GUID: the Teams app id must be one`);
  if (webApplicationInfo && !GUID.test(webApplicationInfo.id)) {
    problems.push(
      `webApplicationInfo.id "${webApplicationInfo.id}" is not a GUID: it must be the Entra client id`,
    );
  }
  if (!SEMVER.test(version)) problems.push(`version "${version}" is not major.minor.patch (semver)`);
  if (validDomains.length === 0)
    problems.push('validDomains is empty: it must list the domain the tab is served from');
  for (const domain of validDomains) {
    if (!/^(\*\.)?[a-z0-9.-]+(:\d+)?$/i.test(domain)) {
      problems.push(
        `validDomains entry "${domain}" must be a bare domain such as wsoa.contoso.gov.uk, without a scheme or path`,
      );
    }
  }
  for (const { path, value } of urlsIn(manifest)) {
    problems.push(...urlProblems(path, value, validDomains));
  }
  return problems;
}

/**
 * Strings that look like URLs but are names, not places Teams loads: the schema's own
 * address, OAuth scopes (https://graph.microsoft.com/Sites.ReadWrite.All) and an
 * Entra application ID URI.
 */
const NOT_LOCATIONS = [
  /^\$schema$/,
  /^webApplicationInfo\.nestedAppAuthInfo\[\d+\]\.scopes\[\d+\]$/,
  /^webApplicationInfo\.resource$/,
];

/** Every string in the manifest that is a URL (or a `…Url` property), with where it is. */
function urlsIn(value: Json, path = ''): { path: string; value: string }[] {
  if (typeof value === 'string') {
    if (NOT_LOCATIONS.some((pattern) => pattern.test(path))) return [];
    return value.includes('://') || /Url$/.test(path) ? [{ path, value }] : [];
  }
  if (Array.isArray(value)) return value.flatMap((item, index) => urlsIn(item, `${path}[${index}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => urlsIn(item, path ? `${path}.${key}` : key));
  }
  return [];
}

function urlProblems(path: string, value: string, validDomains: string[]): string[] {
  if (!URL.canParse(value)) return [`${path} "${value}" is not a URL`];
  const url = new URL(value);
  const isRedirect = /nestedAppAuthInfo\[\d+\]\.redirectUri$/.test(path);
  const scheme = isRedirect ? NAA_REDIRECT_SCHEME : 'https:';
  if (url.protocol !== scheme) {
    return [`${path} "${value}" must use ${scheme}// (Teams loads tab content only over HTTPS)`];
  }
  if (!validDomains.some((domain) => domainMatches(url.host, domain))) {
    return [
      `${path} "${value}" is on ${url.host}, which is not in validDomains (${validDomains.join(', ') || 'none'})`,
    ];
  }
  return [];
}

/** validDomains entries may start with a wildcard label: `*.contoso.gov.uk`. */
function domainMatches(host: string, domain: string): boolean {
  const entry = domain.toLowerCase();
  if (entry.startsWith('*.')) return host.endsWith(entry.slice(1)) && host.length > entry.length - 1;
  return host === entry;
}

export interface PackageIcons {
  color: Icon;
  outline: Icon;
}

export function checkIcons(
  { color, outline }: PackageIcons,
  names = { color: 'color.png', outline: 'outline.png' },
): string[] {
  const problems: string[] = [];
  if (color.width !== COLOR_ICON_SIZE || color.height !== COLOR_ICON_SIZE) {
    problems.push(
      `${names.color} is ${color.width}x${color.height} pixels: the colour icon must be ${COLOR_ICON_SIZE}x${COLOR_ICON_SIZE}`,
    );
  } else if (!hasSquareBackground(color)) {
    problems.push(
      `${names.color} must sit on a solid or fully transparent square background: its four corners differ (Teams rounds the corners itself)`,
    );
  }
  if (outline.width !== OUTLINE_ICON_SIZE || outline.height !== OUTLINE_ICON_SIZE) {
    problems.push(
      `${names.outline} is ${outline.width}x${outline.height} pixels: the outline icon must be ${OUTLINE_ICON_SIZE}x${OUTLINE_ICON_SIZE}`,
    );
  }
  problems.push(...outlineColourProblems(outline, names.outline));
  return problems;
}

/** White (255, 255, 255) where there is a glyph, fully transparent everywhere else: no other colour. */
function outlineColourProblems(icon: Icon, name: string): string[] {
  const pixels = icon.width * icon.height;
  let transparent = 0;
  let coloured = 0;
  let first: { x: number; y: number; rgba: string } | null = null;
  for (let i = 0; i < pixels; i++) {
    const [r, g, b, a] = icon.data.subarray(i * 4, i * 4 + 4);
    if (a === 0) transparent++;
    else if (r !== 255 || g !== 255 || b !== 255) {
      coloured++;
      first ??= { x: i % icon.width, y: Math.floor(i / icon.width), rgba: `rgba(${r}, ${g}, ${b}, ${a})` };
    }
  }
  const problems: string[] = [];
  if (first) {
    problems.push(
      `${name} may use only white (255, 255, 255) and transparency: ${coloured} pixels have another colour, the first at (${first.x}, ${first.y}) is ${first.rgba}`,
    );
  }
  if (transparent < pixels * MIN_TRANSPARENT_SHARE) {
    problems.push(
      `${name} must be a white glyph on a transparent background: only ${transparent} of its ${pixels} pixels are transparent`,
    );
  }
  return problems;
}

function hasSquareBackground(icon: Icon): boolean {
  const at = (x: number, y: number) =>
    Array.from(icon.data.subarray((y * icon.width + x) * 4, (y * icon.width + x) * 4 + 4));
  const last = icon.width - 1;
  const corners = [at(0, 0), at(last, 0), at(0, last), at(last, last)];
  const [first] = corners;
  if (!first) return false;
  const alpha = first[3];
  return (
    (alpha === 255 || alpha === 0) &&
    corners.every((corner) => corner.every((channel, i) => channel === first[i]))
  );
}
