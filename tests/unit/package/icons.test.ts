import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodePng, drawColorIcon, drawOutlineIcon, encodePng } from '../../../src/jobs/package/icons';
import { manifestDir } from '../../../src/jobs/package/paths';

describe('the app icons', () => {
  it.each([
    { name: 'color.png', draw: drawColorIcon },
    { name: 'outline.png', draw: drawOutlineIcon },
  ])(
    'manifest/$name is what icons.ts draws (redraw with src/jobs/package/draw-icons-cli.ts)',
    ({ name, draw }) => {
      const committed = decodePng(readFileSync(join(manifestDir, name)));
      const drawn = draw();
      expect({ width: committed.width, height: committed.height }).toEqual({
        width: drawn.width,
        height: drawn.height,
      });
      expect(Buffer.from(committed.data).equals(Buffer.from(drawn.data))).toBe(true);
    },
  );

  it('survive a round trip through PNG', () => {
    const icon = drawOutlineIcon();
    expect(decodePng(encodePng(icon))).toEqual(icon);
  });

  it('draw the colour icon on the accent colour, with a white glyph in the middle', () => {
    const icon = drawColorIcon();
    const pixel = (x: number, y: number) =>
      Array.from(icon.data.subarray((y * 192 + x) * 4, (y * 192 + x) * 4 + 4));
    expect(pixel(0, 0)).toEqual([0x5b, 0x5f, 0xc7, 255]);
    expect(pixel(24, 96)).toEqual([0x5b, 0x5f, 0xc7, 255]);
    // The first row's bar: (15..29, 6) in the 32-unit glyph box, 48 + 3 × unit in the icon.
    expect(pixel(48 + 3 * 22, 48 + 3 * 6)).toEqual([255, 255, 255, 255]);
  });
});
