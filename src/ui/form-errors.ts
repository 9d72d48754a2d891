import { useCallback, useEffect, useRef, useState } from 'react';
import type { FieldIssue } from '../domain';

/** Messages by form field ("text", "evidenceLinks.<row>.url"); "" for the form as a whole. */
export type FieldMessages = Partial<Record<string, string>>;

/** The first message of each field. */
export function messagesOf(issues: readonly FieldIssue[]): FieldMessages {
  const messages: FieldMessages = {};
  for (const issue of issues) messages[issue.field] ??= issue.message;
  return messages;
}

/** Fluent Field props for a message on the field, or none. */
export function fieldState(message: string | undefined) {
  return message
    ? { validationMessage: message, validationState: 'error' as const }
    : { validationState: 'none' as const };
}

/**
 * A form's messages, one kit for every form: after a refused save they show on
 * their fields and focus goes to the first field to fix (keyboard and screen
 * reader users land where the problem is); editing a field takes its message
 * away, and the form's own message with it.
 */
export function useFormErrors() {
  const [messages, setMessages] = useState<FieldMessages>({});
  const [attempt, setAttempt] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (attempt === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [attempt]);

  const show = useCallback((next: FieldMessages) => {
    setMessages(next);
    setAttempt((n) => n + 1);
  }, []);
  const clear = useCallback((...fields: string[]) => {
    setMessages((current) => {
      const next = { ...current };
      for (const field of [...fields, '']) delete next[field];
      return next;
    });
  }, []);
  const reset = useCallback(() => setMessages({}), []);

  return {
    formRef,
    messages,
    /** How many fields (or the form itself) have a message. */
    count: Object.values(messages).filter(Boolean).length,
    show,
    clear,
    reset,
    field: (name: string) => fieldState(messages[name]),
  };
}

export type FormErrors = ReturnType<typeof useFormErrors>;
