import { act } from '@testing-library/react';

/**
 * Presses the phone's Back and waits until jsdom has delivered the popstate (it traverses in two queued tasks, so a
 * fixed wait is too short on a loaded machine), then one more task for what the app queues from it. Gives up after
 * two seconds, as when there is no entry to go back to.
 */
export async function pressBrowserBack() {
  await act(async () => {
    const popped = new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        window.removeEventListener('popstate', done);
        resolve();
      };
      const timer = setTimeout(done, 2_000);
      window.addEventListener('popstate', done);
    });
    history.back();
    await popped;
    await new Promise((resolve) => setTimeout(resolve, 20));
  });
}
