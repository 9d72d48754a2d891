import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** Where packaging finds its inputs, whatever the working directory. */
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const manifestDir = join(repoRoot, 'manifest');
export const templatePath = join(manifestDir, 'manifest.template.json');
export const defaultOutPath = join(repoRoot, 'build', 'appPackage.zip');
