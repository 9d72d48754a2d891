import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { drawColorIcon, drawOutlineIcon, encodePng } from './icons';
import { manifestDir, repoRoot } from './paths';

/**
 * Redraws manifest/color.png and manifest/outline.png from the glyph in icons.ts:
 * `npx tsx src/jobs/package/draw-icons-cli.ts`, then commit the PNGs.
 */
for (const [name, icon] of [
  ['color.png', drawColorIcon()],
  ['outline.png', drawOutlineIcon()],
] as const) {
  const path = join(manifestDir, name);
  writeFileSync(path, encodePng(icon));
  process.stdout.write(`Wrote ${relative(repoRoot, path)} (${icon.width}x${icon.height})\n`);
}
