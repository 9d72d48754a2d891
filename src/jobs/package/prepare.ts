import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { checkIcons, checkManifest } from './checks';
import type { PackageConfig } from './config';
import { decodePng, type Icon } from './icons';
import { renderManifest, type JsonObject } from './manifest';
import { schemaProblems } from './schema';
import type { PackageEntry } from './zip';

/** What stops a package being made: every problem found, named one by one. */
export class PackageError extends Error {
  constructor(readonly problems: string[]) {
    super(`the app package would be invalid: ${problems.join('; ')}`);
  }
}

const iconNames = z.object({
  icons: z.object({
    color: z.string().regex(/^[\w.-]+\.png$/, 'icons.color must be a PNG file name at the package root'),
    outline: z.string().regex(/^[\w.-]+\.png$/, 'icons.outline must be a PNG file name at the package root'),
  }),
});

export interface PreparedPackage {
  manifest: JsonObject;
  /** The icons, by the names the manifest gives them, as they go into the zip. */
  icons: PackageEntry[];
}

/**
 * Renders the manifest from the template in `manifestDir` and reads the icons it
 * names from there, then checks the lot (the official schema and our own checks)
 * before anything is written. Throws PackageError with every problem.
 */
export async function preparePackage(config: PackageConfig, manifestDir: string): Promise<PreparedPackage> {
  const manifest = renderManifest(readFileSync(join(manifestDir, 'manifest.template.json'), 'utf8'), config);
  const names = iconNames.safeParse(manifest);
  if (!names.success) throw new PackageError(names.error.issues.map((issue) => issue.message));
  const { color, outline } = names.data.icons;
  const problems = [...(await schemaProblems(manifest)), ...checkManifest(manifest)];
  const colorBytes = readIcon(manifestDir, color, problems);
  const outlineBytes = readIcon(manifestDir, outline, problems);
  if (colorBytes && outlineBytes) {
    problems.push(...checkIcons({ color: colorBytes.icon, outline: outlineBytes.icon }, { color, outline }));
  }
  if (problems.length > 0 || !colorBytes || !outlineBytes) throw new PackageError(problems);
  return {
    manifest,
    icons: [
      { name: color, bytes: colorBytes.bytes },
      { name: outline, bytes: outlineBytes.bytes },
    ],
  };
}

function readIcon(dir: string, name: string, problems: string[]): { bytes: Uint8Array; icon: Icon } | null {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(join(dir, name));
  } catch {
    problems.push(`${name} is missing from ${dir}`);
    return null;
  }
  try {
    return { bytes, icon: decodePng(bytes) };
  } catch (error) {
    problems.push(`${name} is not a readable PNG: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}
