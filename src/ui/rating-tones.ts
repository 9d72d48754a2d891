import { tokens } from '@fluentui/react-components';
import type { RatingTone } from '../domain';

/**
 * Rating colours in one place, from Fluent's palette tokens so they follow the
 * light, dark and high-contrast themes. Colour is never the only signal: every
 * use shows the rating's label too.
 */
export const RATING_TONE_STYLES: Record<
  RatingTone,
  { background: string; foreground: string; border: string }
> = {
  blue: {
    background: tokens.colorPaletteBlueBackground2,
    foreground: tokens.colorPaletteBlueForeground2,
    border: tokens.colorPaletteBlueBorderActive,
  },
  green: {
    background: tokens.colorPaletteGreenBackground2,
    foreground: tokens.colorPaletteGreenForeground2,
    border: tokens.colorPaletteGreenBorder2,
  },
  lightGreen: {
    background: tokens.colorPaletteLightGreenBackground2,
    foreground: tokens.colorPaletteLightGreenForeground2,
    border: tokens.colorPaletteLightGreenBorder2,
  },
  amber: {
    background: tokens.colorPaletteMarigoldBackground2,
    foreground: tokens.colorPaletteMarigoldForeground2,
    border: tokens.colorPaletteMarigoldBorder2,
  },
  red: {
    background: tokens.colorPaletteRedBackground2,
    foreground: tokens.colorPaletteRedForeground2,
    border: tokens.colorPaletteRedBorder2,
  },
  purple: {
    background: tokens.colorPalettePurpleBackground2,
    foreground: tokens.colorPalettePurpleForeground2,
    border: tokens.colorPalettePurpleBorderActive,
  },
  grey: {
    background: tokens.colorNeutralBackground5,
    foreground: tokens.colorNeutralForeground2,
    border: tokens.colorNeutralStroke1,
  },
};
