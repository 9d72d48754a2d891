import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { AppManifestUtils, type AppManifest } from '@microsoft/app-manifest';
import type { JsonObject } from './manifest';

type ManifestSchema = NonNullable<Parameters<typeof AppManifestUtils.validateAgainstSchema>[1]>;

const require = createRequire(import.meta.url);

/** The official Teams manifest schema for a manifest version, as bundled in @microsoft/app-manifest (no download). */
export function schemaPath(manifestVersion: string): string {
  const packageDir = dirname(require.resolve('@microsoft/app-manifest/package.json'));
  return join(
    packageDir,
    'build',
    'json-schemas',
    'teams',
    `v${manifestVersion}`,
    'MicrosoftTeams.schema.json',
  );
}

export function loadTeamsSchema(manifestVersion: string): ManifestSchema {
  const path = schemaPath(manifestVersion);
  if (!existsSync(path)) {
    throw new Error(
      `@microsoft/app-manifest bundles no schema for manifestVersion "${manifestVersion}" (looked for ${path})`,
    );
  }
  // Some published schemas carry a `\a` escape that is not valid in a JSON or JS regular
  // expression; the library's own fetchSchema makes the same repair
  // (https://github.com/OfficeDev/microsoft-teams-app-schema/issues/190).
  const text = readFileSync(path, 'utf8').replace(/\\a/g, '\\x07');
  return JSON.parse(text);
}

/**
 * Problems the official JSON schema finds in a rendered manifest, one line each; empty
 * when it is valid. Runs offline against the schema of the manifest's own manifestVersion.
 */
export async function schemaProblems(manifest: JsonObject): Promise<string[]> {
  const version = manifest.manifestVersion;
  if (typeof version !== 'string')
    return ['manifestVersion is missing: the manifest must name its schema version'];
  const schema = loadTeamsSchema(version);
  // The library types its input as its generated manifest classes; this is the same
  // plain JSON it would read from manifest.json, which is what it checks.
  const errors = await AppManifestUtils.validateAgainstSchema(manifest as unknown as AppManifest, schema);
  return errors.map((error) => `schema v${version}: ${error.trim()}`);
}
