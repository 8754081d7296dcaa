import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => {
  cleanup();
  // Each test starts at the app's root URL, as a fresh visit would.
  history.replaceState(null, '', '/');
});
