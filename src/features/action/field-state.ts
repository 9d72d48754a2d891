/** Fluent Field props for a message on the field, or none. */
export function fieldState(message: string | undefined) {
  return message
    ? { validationMessage: message, validationState: 'error' as const }
    : { validationState: 'none' as const };
}
