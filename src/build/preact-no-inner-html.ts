/**
 * Build step: removes Preact's one `innerHTML` assignment, the `dangerouslySetInnerHTML` path.
 * NewsLens never renders dataset or page text as HTML, so the path is dead code; without it
 * Firefox's linter (`web-ext lint`) has nothing to warn about, and a future use of the prop fails
 * loudly instead of writing markup. If Preact's code changes shape, the build fails here rather
 * than shipping the assignment unnoticed.
 */
import type { Plugin } from 'vite';

const ASSIGNMENT = /([\w$]+)\.innerHTML=([\w$]+)\.__html/g;
const REPLACEMENT = '(()=>{throw new Error("dangerouslySetInnerHTML is disabled in NewsLens")})()';

export function preactWithoutInnerHtml(): Plugin {
  return {
    name: 'newslens:preact-without-inner-html',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.mjs$/.test(id.split('?')[0]!)) return null;
      const found = code.match(ASSIGNMENT)?.length ?? 0;
      if (found !== 1) this.error(`expected one innerHTML assignment in ${id}, found ${found}`);
      return { code: code.replace(ASSIGNMENT, REPLACEMENT), map: null };
    },
  };
}
