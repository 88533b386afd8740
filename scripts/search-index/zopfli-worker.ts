/**
 * A worker thread of recompress.ts: gzips what it is sent with Zopfli and sends it back. Zopfli
 * (@gfx/zopfli, Google's Zopfli compiled to WebAssembly) runs on the thread that calls it, so the
 * index stage spreads the files over one of these per core.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { gzipAsync } from '@gfx/zopfli';

const { iterations } = workerData as { iterations: number };

// One file at a time: recompress.ts sends the next only once this one's answer is back.
parentPort!.on('message', async (bytes: Uint8Array) => {
  try {
    const gzip = await gzipAsync(bytes, { numiterations: iterations });
    parentPort!.postMessage({ gzip }, [gzip.buffer as ArrayBuffer]);
  } catch (error) {
    parentPort!.postMessage({ error: (error as Error).message ?? String(error) });
  }
});
