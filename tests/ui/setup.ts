import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// Fluent's focus manager throws after a test ends unless the tree is unmounted (see MACHINE-NOTES).
afterEach(() => cleanup());

// Every read and write is a real HTTP round trip to the local Graph, with other test files running alongside.
configure({ asyncUtilTimeout: 8000 });

/** jsdom has no layout: Fluent's MessageBar and Dialog only need an observer that never reports. */
class StillResizeObserver implements ResizeObserver {
  constructor(_callback: ResizeObserverCallback) {}
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
if (!('ResizeObserver' in globalThis)) Object.assign(globalThis, { ResizeObserver: StillResizeObserver });

// jsdom has no innerText; the Adaptive Card renderer writes some text through it.
if (!('innerText' in HTMLElement.prototype)) {
  Object.defineProperty(HTMLElement.prototype, 'innerText', {
    get(this: HTMLElement) {
      return this.textContent ?? '';
    },
    set(this: HTMLElement, value: string) {
      this.textContent = value;
    },
  });
}
