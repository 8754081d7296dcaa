import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => {
  cleanup();
  // Each test starts at the app's root URL, as a fresh visit would.
  history.replaceState(null, '', '/');
});

// jsdom lays nothing out and cannot scroll (its own scrollTo only logs "not implemented"); a step change scrolls to the top.
window.scrollTo = () => undefined;
