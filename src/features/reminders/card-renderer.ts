import { tokens } from '@fluentui/react-components';
import { renderCardMarkdown } from '../../cards';

/**
 * The adaptivecards renderer, loaded on first use (it is ~44 kB gzipped) and set
 * up as Teams shows cards: Teams' markdown subset (escapes, bold, italic,
 * mentions; everything else is text) and a host config in Fluent's tokens, so
 * the cards follow the light, dark and high-contrast themes.
 */
export interface CardRenderer {
  /** Renders a card's JSON into `container`; returns what the renderer complained about. */
  render(card: object, container: HTMLElement): string[];
}

let loading: Promise<CardRenderer> | null = null;

export function loadCardRenderer(): Promise<CardRenderer> {
  loading ??= import('adaptivecards').then((AC) => {
    AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
      result.outputHtml = renderCardMarkdown(text);
      result.didProcess = true;
    };
    const hostConfig = new AC.HostConfig(teamsLikeHostConfig());
    return {
      render(card, container) {
        const adaptive = new AC.AdaptiveCard();
        adaptive.hostConfig = hostConfig;
        const context = new AC.SerializationContext();
        adaptive.parse(card, context);
        adaptive.onExecuteAction = (action) => {
          if (action instanceof AC.OpenUrlAction && action.url) window.open(action.url, '_blank', 'noopener');
        };
        const problems: string[] = [];
        for (let i = 0; i < context.eventCount; i++) problems.push(context.getEventAt(i).message);
        problems.push(...adaptive.validateProperties().validationEvents.map((e) => e.message));
        const element = adaptive.render();
        container.replaceChildren(...(element ? [element] : []));
        return problems;
      },
    };
  });
  return loading;
}

function colours(normal: string, subtle: string) {
  return { default: normal, subtle };
}

/** Teams' card look, in Fluent tokens (CSS variables), so the theme carries through. */
function teamsLikeHostConfig() {
  const foregroundColors = {
    default: colours(tokens.colorNeutralForeground1, tokens.colorNeutralForeground3),
    dark: colours(tokens.colorNeutralForeground1, tokens.colorNeutralForeground2),
    light: colours(tokens.colorNeutralForeground3, tokens.colorNeutralForeground4),
    accent: colours(tokens.colorBrandForeground1, tokens.colorBrandForeground2),
    good: colours(tokens.colorPaletteGreenForeground1, tokens.colorPaletteGreenForeground2),
    warning: colours(tokens.colorPaletteDarkOrangeForeground1, tokens.colorPaletteDarkOrangeForeground2),
    attention: colours(tokens.colorPaletteRedForeground1, tokens.colorPaletteRedForeground2),
  };
  const style = (backgroundColor: string) => ({ backgroundColor, foregroundColors });
  return {
    supportsInteractivity: true,
    fontFamily: tokens.fontFamilyBase,
    spacing: { small: 4, default: 8, medium: 12, large: 16, extraLarge: 20, padding: 16 },
    separator: { lineThickness: 1, lineColor: tokens.colorNeutralStroke2 },
    fontSizes: { small: 12, default: 14, medium: 16, large: 20, extraLarge: 24 },
    fontWeights: { lighter: 300, default: 400, bolder: 600 },
    lineHeights: { small: 16, default: 20, medium: 22, large: 28, extraLarge: 32 },
    containerStyles: {
      default: style(tokens.colorNeutralBackground1),
      emphasis: style(tokens.colorNeutralBackground3),
      accent: style(tokens.colorBrandBackground2),
      good: style(tokens.colorPaletteGreenBackground1),
      attention: style(tokens.colorPaletteRedBackground1),
      warning: style(tokens.colorPaletteDarkOrangeBackground1),
    },
    actions: {
      maxActions: 6,
      spacing: 'default',
      buttonSpacing: 8,
      actionsOrientation: 'horizontal',
      actionAlignment: 'left',
      showCard: { actionMode: 'inline', inlineTopMargin: 8 },
    },
    factSet: {
      title: { weight: 'bolder', wrap: true, maxWidth: 150 },
      value: { wrap: true },
      spacing: 12,
    },
  };
}
