import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { signIn } from './server.js';

/** An open SSE stream of one signed-in user, read as text. */
export async function openEvents(app: FastifyInstance, phone: string) {
  const client = await signIn(app, phone);
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const controller = new AbortController();
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/events`, {
    headers: { cookie: client.cookieHeader() },
    signal: controller.signal,
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/event-stream');
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = '';
  const pump = (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        text += decoder.decode(value, { stream: true });
      }
    } catch {
      // aborted
    }
  })();
  /** Waits until the stream holds `needle` (or fails after `ms`). */
  const waitFor = async (needle: string, ms = 5000) => {
    const deadline = Date.now() + ms;
    while (!text.includes(needle)) {
      if (Date.now() > deadline) throw new Error(`no "${needle}" in the event stream: ${JSON.stringify(text)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  await waitFor(': connected');
  return {
    waitFor,
    text: () => text,
    async close() {
      controller.abort();
      await pump;
    },
  };
}
