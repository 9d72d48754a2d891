import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// Fluent's focus manager throws after a test ends unless the tree is unmounted (see MACHINE-NOTES).
afterEach(() => cleanup());
