// This instance's live-event listeners, as the EventTarget that yoga's createPubSub expects. A Set per
// topic rather than Node's EventTarget: adding and removing one of 10,000 listeners is O(1) (Node's
// EventTarget walks its list, and warns past 10 listeners), and a listener that throws does not
// stop the delivery to the others nor escape as an uncaught exception.
import type { Logger } from '../logger.ts';

type Listener = (event: { type: string; detail: unknown }) => void;
export type ListenerOrObject = Listener | { handleEvent: Listener };

export interface LocalEvents {
  addEventListener(type: string, listener: ListenerOrObject | null): void;
  removeEventListener(type: string, listener: ListenerOrObject | null): void;
  dispatchEvent(event: { type: string; detail?: unknown }): boolean;
}

export function createLocalEvents(logger: Logger): LocalEvents {
  const listeners = new Map<string, Set<ListenerOrObject>>();
  let failureLogged = false;
  return {
    addEventListener(type, listener) {
      if (!listener) return;
      const set = listeners.get(type) ?? new Set();
      listeners.set(type, set.add(listener));
    },
    removeEventListener(type, listener) {
      const set = listeners.get(type);
      if (!set || !listener) return;
      set.delete(listener);
      if (set.size === 0) listeners.delete(type);
    },
    dispatchEvent({ type, detail }) {
      const set = listeners.get(type);
      if (!set) return true;
      const event = { type, detail: detail ?? null };
      for (const listener of set) {
        try {
          if (typeof listener === 'function') listener(event);
          else listener.handleEvent(event);
        } catch (err) {
          // Once per process: a subscriber whose buffer overflows would otherwise log per event.
          if (!failureLogged) logger.warn({ err: (err as Error).message, type }, 'a live subscriber failed');
          failureLogged = true;
        }
      }
      return true;
    },
  };
}
