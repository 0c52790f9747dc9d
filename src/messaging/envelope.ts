/**
 * How every message of ./protocol.ts travels. Apart from the schemas so that the frame probe
 * (entrypoints/frame.content.ts), which runs in every frame of every page, can send its one
 * message without bundling zod.
 */
export interface Envelope<T extends string = string> {
  newslens: 1;
  type: T;
  payload: unknown;
}

export function envelope<T extends string>(type: T, payload: unknown): Envelope<T> {
  return { newslens: 1, type, payload };
}
