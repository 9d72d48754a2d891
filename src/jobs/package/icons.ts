import { PNG } from 'pngjs';

/** An RGBA image: `data` holds width × height pixels, four bytes each, row by row. */
export interface Icon {
  width: number;
  height: number;
  data: Uint8Array;
}

/** The colour icon's background, and the manifest's accentColor: the tab's favicon colour. */
export const ACCENT_COLOR = '#5B5FC7';

/**
 * The app's glyph, a checklist: two ticked rows and an open one, each with a bar
 * for its text. Shapes are drawn in a 32 × 32 box (the outline icon's own size),
 * as a test of whether a point lies inside.
 */
type Shape = (x: number, y: number) => boolean;

const ROWS = [6, 16, 26] as const;

const glyph: Shape[] = [
  ...ROWS.slice(0, 2).map((y) =>
    polyline(
      [
        [2.75, y],
        [5.75, y + 3],
        [10.25, y - 3.5],
      ],
      2.6,
    ),
  ),
  box({ left: 2, top: 22, right: 11, bottom: 31 }, 2),
  segment([15, ROWS[0]], [29, ROWS[0]], 4),
  segment([15, ROWS[1]], [25, ROWS[1]], 4),
  segment([15, ROWS[2]], [29, ROWS[2]], 4),
];

const GLYPH_BOX = 32;

/**
 * The 192 × 192 colour icon: the glyph in white, 96 × 96 in the middle of a solid
 * square of the accent colour (48 pixels of padding, square corners: Teams rounds them).
 */
export function drawColorIcon(): Icon {
  const size = 192;
  const glyphSize = 96;
  const offset = (size - glyphSize) / 2;
  const scale = GLYPH_BOX / glyphSize;
  const background = hexToRgb(ACCENT_COLOR);
  const mix = (channel: number, coverage: number) => Math.round(channel + (255 - channel) * coverage);
  return draw({
    size,
    samples: 4,
    toGlyph: (px, py) => [(px - offset) * scale, (py - offset) * scale],
    paint: (coverage) => [...background.map((channel) => mix(channel, coverage)), 255],
  });
}

/**
 * The 32 × 32 outline icon: the glyph in pure white (255, 255, 255) on a fully
 * transparent background, with no padding and no other colour, not even
 * anti-aliased edges: each pixel is white or transparent.
 */
export function drawOutlineIcon(): Icon {
  return draw({
    size: GLYPH_BOX,
    samples: 8,
    toGlyph: (px, py) => [px, py],
    paint: (coverage) => (coverage >= 0.5 ? [255, 255, 255, 255] : [0, 0, 0, 0]),
  });
}

export function encodePng(icon: Icon): Buffer {
  const png = new PNG({ width: icon.width, height: icon.height });
  png.data = Buffer.from(icon.data);
  return PNG.sync.write(png, { colorType: 6 });
}

export function decodePng(bytes: Uint8Array): Icon {
  const png = PNG.sync.read(Buffer.from(bytes));
  return { width: png.width, height: png.height, data: new Uint8Array(png.data) };
}

interface Canvas {
  size: number;
  /** Each pixel is sampled on a samples × samples grid: the share inside the glyph is its coverage. */
  samples: number;
  /** A point of the image -> the same point in the glyph's 32 × 32 box. */
  toGlyph: (px: number, py: number) => [number, number];
  /** Coverage (0 to 1) -> the pixel's RGBA. */
  paint: (coverage: number) => number[];
}

function draw({ size, samples, toGlyph, paint }: Canvas): Icon {
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let inside = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const [gx, gy] = toGlyph(x + (sx + 0.5) / samples, y + (sy + 0.5) / samples);
          if (glyph.some((shape) => shape(gx, gy))) inside++;
        }
      }
      data.set(paint(inside / (samples * samples)), (y * size + x) * 4);
    }
  }
  return { width: size, height: size, data };
}

type Point = readonly [number, number];

/** A stroke of the given width along a straight line, with round ends. */
function segment(a: Point, b: Point, width: number): Shape {
  const [ax, ay] = a;
  const dx = b[0] - ax;
  const dy = b[1] - ay;
  const lengthSquared = dx * dx + dy * dy;
  const radius = width / 2;
  return (x, y) => {
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / lengthSquared));
    const ex = x - (ax + t * dx);
    const ey = y - (ay + t * dy);
    return ex * ex + ey * ey <= radius * radius;
  };
}

function polyline(points: Point[], width: number): Shape {
  const parts = points.slice(1).map((point, i) => segment(points[i] ?? point, point, width));
  return (x, y) => parts.some((part) => part(x, y));
}

/** A square frame: inside the outer edge and not inside the inner one. */
function box(outer: { left: number; top: number; right: number; bottom: number }, stroke: number): Shape {
  return (x, y) => {
    const inOuter = x >= outer.left && x <= outer.right && y >= outer.top && y <= outer.bottom;
    const inInner =
      x > outer.left + stroke &&
      x < outer.right - stroke &&
      y > outer.top + stroke &&
      y < outer.bottom - stroke;
    return inOuter && !inInner;
  };
}

function hexToRgb(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}
