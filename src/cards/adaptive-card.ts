/**
 * The slice of Adaptive Card 1.5 these cards use, typed so a template cannot
 * produce an element or property the schema does not know.
 */
export const ADAPTIVE_CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';
export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

export type Spacing = 'none' | 'small' | 'default' | 'medium' | 'large' | 'extraLarge' | 'padding';
export type TextColor = 'default' | 'dark' | 'light' | 'accent' | 'good' | 'warning' | 'attention';
export type ContainerStyle = 'default' | 'emphasis' | 'good' | 'attention' | 'warning' | 'accent';

export interface TextBlock {
  type: 'TextBlock';
  /** Card markdown: anything a user wrote must go through `escapeCardText` first. */
  text: string;
  wrap?: boolean;
  weight?: 'default' | 'lighter' | 'bolder';
  size?: 'default' | 'small' | 'medium' | 'large' | 'extraLarge';
  color?: TextColor;
  isSubtle?: boolean;
  style?: 'default' | 'heading';
  spacing?: Spacing;
  separator?: boolean;
}

export interface Fact {
  /** Card markdown, like TextBlock text. */
  title: string;
  value: string;
}

export interface FactSet {
  type: 'FactSet';
  facts: Fact[];
  spacing?: Spacing;
  separator?: boolean;
}

export interface OpenUrlAction {
  type: 'Action.OpenUrl';
  /** Button captions are plain text, not markdown. */
  title: string;
  url: string;
  tooltip?: string;
}

export interface ActionSet {
  type: 'ActionSet';
  actions: OpenUrlAction[];
  spacing?: Spacing;
}

export interface Container {
  type: 'Container';
  items: CardElement[];
  style?: ContainerStyle;
  spacing?: Spacing;
  separator?: boolean;
  selectAction?: OpenUrlAction;
}

export type CardElement = TextBlock | FactSet | ActionSet | Container;

/** Teams' mention entity: `text` must occur verbatim in a TextBlock of the same card. */
export interface MentionEntity {
  type: 'mention';
  text: string;
  mentioned: { id: string; name: string };
}

/** Teams host extension; not part of the Adaptive Card schema itself. */
export interface TeamsCardExtension {
  width?: 'Full';
  entities?: MentionEntity[];
}

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: typeof ADAPTIVE_CARD_SCHEMA;
  version: '1.5';
  body: CardElement[];
  actions?: OpenUrlAction[];
  /** Shown by clients older than the card's version, and may hold markdown: user text is escaped, as in TextBlock text. */
  fallbackText?: string;
  msteams?: TeamsCardExtension;
}

export function textBlock(text: string, options: Omit<TextBlock, 'type' | 'text'> = {}): TextBlock {
  return { type: 'TextBlock', text, wrap: true, ...options };
}

export function factSet(facts: Fact[], options: Omit<FactSet, 'type' | 'facts'> = {}): FactSet {
  return { type: 'FactSet', facts, ...options };
}

export function container(items: CardElement[], options: Omit<Container, 'type' | 'items'> = {}): Container {
  return { type: 'Container', items, ...options };
}

export function openUrl(title: string, url: string): OpenUrlAction {
  return { type: 'Action.OpenUrl', title, url };
}

export function adaptiveCard(parts: Omit<AdaptiveCard, 'type' | '$schema' | 'version'>): AdaptiveCard {
  return { type: 'AdaptiveCard', $schema: ADAPTIVE_CARD_SCHEMA, version: '1.5', ...parts };
}
