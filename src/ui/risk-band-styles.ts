import { tokens } from '@fluentui/react-components';
import type { RiskBand } from '../domain/risks';

/**
 * Band colours from Fluent's palette tokens (so they follow the light, dark and
 * high-contrast themes), each with its own border pattern: where high contrast
 * drops the colours, the pattern and the band's name still tell the bands apart.
 * Text stays the neutral foreground, readable on every tint.
 */
export const RISK_BAND_STYLES: Record<
  RiskBand,
  { background: string; borderColor: string; borderStyle: string }
> = {
  low: {
    background: tokens.colorPaletteGreenBackground2,
    borderColor: tokens.colorPaletteGreenBorderActive,
    borderStyle: 'dotted',
  },
  moderate: {
    background: tokens.colorPaletteYellowBackground2,
    borderColor: tokens.colorPaletteYellowBorderActive,
    borderStyle: 'dashed',
  },
  high: {
    background: tokens.colorPaletteDarkOrangeBackground2,
    borderColor: tokens.colorPaletteDarkOrangeBorderActive,
    borderStyle: 'solid',
  },
  extreme: {
    background: tokens.colorPaletteRedBackground2,
    borderColor: tokens.colorPaletteRedBorderActive,
    borderStyle: 'double',
  },
};

/** Inline style of something shown in a band's colour and pattern. */
export function bandStyle(band: RiskBand) {
  const { background, borderColor, borderStyle } = RISK_BAND_STYLES[band];
  return {
    backgroundColor: background,
    borderColor,
    borderStyle,
    // Thick enough for a double border to show as two lines.
    borderWidth: tokens.strokeWidthThicker,
    color: tokens.colorNeutralForeground1,
  };
}
