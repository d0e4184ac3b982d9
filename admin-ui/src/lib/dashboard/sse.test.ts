import { describe, expect, it } from 'vitest';
import { type SseEvent, sseEvent, sseParser } from './sse';

describe('sseParser', () => {
  it('reads events split anywhere across chunks, skipping comments', () => {
    const events: SseEvent[] = [];
    const push = sseParser((e) => events.push(e));
    const stream =
      ':\n\nevent: next\ndata: {"data":{"a":1}}\n\nevent: next\r\ndata: line 1\r\ndata: line 2\r\n\r\nevent: complete\ndata:\n\n';
    // Every split point, including inside \r\n.
    for (const size of [1, 3, 7]) {
      events.length = 0;
      for (let i = 0; i < stream.length; i += size) push(stream.slice(i, i + size));
      expect(events).toEqual([
        { event: 'next', data: '{"data":{"a":1}}' },
        { event: 'next', data: 'line 1\nline 2' },
        { event: 'complete', data: '' },
      ]);
    }
  });

  it('writes events as EventSource reads them', () => {
    expect(sseEvent('change', '{}')).toBe('event: change\ndata: {}\n\n');
    expect(sseEvent('x', 'a\nb')).toBe('event: x\ndata: a\ndata: b\n\n');
  });
});
