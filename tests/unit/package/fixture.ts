import { readFileSync } from 'node:fs';
import type { PackageConfig } from '../../../src/jobs/package/config';
import type { Icon } from '../../../src/jobs/package/icons';
import { renderManifest, type JsonObject } from '../../../src/jobs/package/manifest';
import { templatePath } from '../../../src/jobs/package/paths';

/** One council's values, as `npm run package` would read them. */
export function packageConfig(overrides: Partial<PackageConfig> = {}): PackageConfig {
  return {
    teamsAppId: '2f1c4b5e-8a7d-4c3b-9e6f-0a1b2c3d4e5f',
    entraClientId: '7d9e0f1a-2b3c-4d5e-8f6a-7b8c9d0e1f2a',
    hostUrl: 'https://wsoa.contoso.gov.uk',
    hostDomain: 'wsoa.contoso.gov.uk',
    graphBaseUrl: 'https://graph.microsoft.com/v1.0',
    version: '1.4.0',
    ...overrides,
  };
}

/** The committed template, rendered for that council. */
export function renderedManifest(overrides: Partial<PackageConfig> = {}): JsonObject {
  return renderManifest(readFileSync(templatePath, 'utf8'), packageConfig(overrides));
}

/** A copy of an icon with some pixels repainted. */
export function repaint(icon: Icon, paint: (x: number, y: number) => number[] | null): Icon {
  const data = new Uint8Array(icon.data);
  for (let y = 0; y < icon.height; y++) {
    for (let x = 0; x < icon.width; x++) {
      const rgba = paint(x, y);
      if (rgba) data.set(rgba, (y * icon.width + x) * 4);
    }
  }
  return { ...icon, data };
}

export function blankIcon(width: number, height: number, rgba: number[]): Icon {
  return repaint({ width, height, data: new Uint8Array(width * height * 4) }, () => rgba);
}
