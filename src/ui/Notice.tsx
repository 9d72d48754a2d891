import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  type MessageBarIntent,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';

/**
 * What a view says about the state of things (read only, not saved, someone else
 * changed it, nothing to show): a message bar, with a title when it has one. Long
 * messages wrap onto several lines.
 */
export function Notice(props: {
  intent: MessageBarIntent;
  title?: ReactNode;
  /** Names the notice for a region that it heads. */
  titleId?: string;
  children?: ReactNode;
}) {
  return (
    <MessageBar intent={props.intent} layout="multiline">
      <MessageBarBody>
        {props.title !== undefined && <MessageBarTitle id={props.titleId}>{props.title}</MessageBarTitle>}
        {props.children}
      </MessageBarBody>
    </MessageBar>
  );
}
