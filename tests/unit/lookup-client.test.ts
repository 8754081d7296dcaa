import { afterEach, describe, expect, it, vi } from 'vitest';

/** A worker whose script never loads (offline before the precache, a refused script): it only fires `error`. */
class WorkerThatFails extends EventTarget {
  static started = 0;
  terminated = false;
  constructor() {
    super();
    WorkerThatFails.started += 1;
    queueMicrotask(() => this.dispatchEvent(new Event('error', { cancelable: true })));
  }
  postMessage() {}
  terminate() {
    this.terminated = true;
  }
}

const freshClient = async () => {
  vi.resetModules();
  return import('../../src/ui/lookup-client.ts');
};

afterEach(() => {
  vi.unstubAllGlobals();
  WorkerThatFails.started = 0;
});

describe('the search box reader', () => {
  it('reads in the page where there is no worker', async () => {
    vi.stubGlobal('Worker', undefined);
    const read = await (await freshClient()).terminalReader();
    await expect(read('应答码51')).resolves.toMatchObject({ kind: 'match', match: { code: '51', via: 'code' } });
  });

  it('falls back to the page when the worker cannot start, and starts only once', async () => {
    vi.stubGlobal('Worker', WorkerThatFails);
    const { terminalReader } = await freshClient();
    const read = await terminalReader();
    await expect(read('请插卡')).resolves.toMatchObject({ kind: 'match', match: { via: 'message' } });
    await expect(read('???')).resolves.toEqual({ kind: 'none' });
    expect(await terminalReader()).toBe(read);
    expect(WorkerThatFails.started).toBe(1);
  });
});
