import { Button, type ButtonProps } from '@fluentui/react-components';
import { ArrowMove20Regular } from '@fluentui/react-icons';

/** The card's "Move to…" button (the menu's trigger: it passes its props and ref through). */
export function MoveButton(props: ButtonProps & { reference: string }) {
  const { reference, ...rest } = props;
  return (
    <Button
      appearance="subtle"
      size="small"
      icon={<ArrowMove20Regular />}
      aria-label={`Move ${reference} to…`}
      title="Move to…"
      {...rest}
    />
  );
}
