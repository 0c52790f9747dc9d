/**
 * The top frame's document if this frame may read it (it is the top, or of the same origin); else
 * null. The frame probe (entrypoints/frame.content.ts) asks for the engine only where this is a
 * document, and the engine (src/page/controller.ts) checks again before it runs.
 */
export function sameOriginTop(win: Window): Document | null {
  try {
    const top = win.top ?? win;
    return top === win ? win.document : top.document;
  } catch {
    return null;
  }
}
