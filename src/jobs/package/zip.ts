import JSZip from 'jszip';
import type { JsonObject } from './manifest';

export interface PackageEntry {
  name: string;
  bytes: Uint8Array;
}

/** The Teams app package: manifest.json and the icons, all at the zip's root (no folder). */
export async function zipPackage(manifest: JsonObject, icons: PackageEntry[]): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
  for (const icon of icons) zip.file(icon.name, icon.bytes);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}
