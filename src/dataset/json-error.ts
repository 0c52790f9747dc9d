/**
 * Where and why a dataset file is not JSON, in words a curator can act on. Pure, and only run
 * once `JSON.parse` has failed (load.ts), so speed does not matter.
 */

/**
 * Where and why `JSON.parse` failed, in words that do not change with the Node version (V8's
 * own messages do): "line 3, column 5: expected ',' or '}'". Falls back to the engine's message
 * if the scan finds nothing wrong, which should not happen.
 */
export function describeJsonError(text: string, engineError?: unknown): string {
  const found = findJsonError(text);
  if (!found) return engineError instanceof Error ? engineError.message : 'could not be parsed';
  const before = text.slice(0, found.offset);
  const line = before.split('\n').length;
  const column = found.offset - (before.lastIndexOf('\n') + 1) + 1;
  return `line ${line}, column ${column}: ${found.message}`;
}

/**
 * A small JSON (RFC 8259) scanner that returns the first syntax error, or undefined if the text
 * is valid JSON. Only used after `JSON.parse` has failed, so speed does not matter.
 */
export function findJsonError(text: string): { offset: number; message: string } | undefined {
  let i = 0;
  class Fail {
    constructor(
      readonly offset: number,
      readonly message: string,
    ) {}
  }
  const what = (at: number) => (at >= text.length ? 'end of file' : JSON.stringify(text[at]));
  const fail = (message: string, at = i): never => {
    throw new Fail(at, message);
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const string = () => {
    const open = i++;
    for (;;) {
      if (i >= text.length) fail('unterminated string', open);
      const c = text.charCodeAt(i);
      if (c === 0x22) return void i++;
      if (c < 0x20) fail('control character in a string (escape it, e.g. \\n)');
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail('invalid \\u escape');
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else fail(`invalid escape \\${e ?? ''}`);
      } else i++;
    }
  };
  const number = () => {
    const re = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    re.lastIndex = i;
    const m = re.exec(text);
    if (!m) fail('invalid number');
    i += m![0].length;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') return object();
    if (c === '[') return array();
    if (c === '"') return string();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return number();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    }
    fail(`unexpected ${what(i)}, expected a value`);
  };
  const object = () => {
    i++;
    ws();
    if (text[i] === '}') return void i++;
    for (;;) {
      ws();
      if (text[i] !== '"') fail(text[i] === '}' ? 'trailing comma before "}"' : `unexpected ${what(i)}, expected a property name in double quotes`);
      string();
      ws();
      if (text[i] !== ':') fail(`unexpected ${what(i)}, expected ":"`);
      i++;
      value();
      ws();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === '}') return void i++;
      fail(`unexpected ${what(i)}, expected "," or "}"`);
    }
  };
  const array = () => {
    i++;
    ws();
    if (text[i] === ']') return void i++;
    for (;;) {
      ws();
      if (text[i] === ']') fail('trailing comma before "]"');
      value();
      ws();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === ']') return void i++;
      fail(`unexpected ${what(i)}, expected "," or "]"`);
    }
  };
  try {
    value();
    ws();
    if (i < text.length) fail(`unexpected ${what(i)} after the JSON value`);
    return undefined;
  } catch (e) {
    if (e instanceof Fail) return { offset: e.offset, message: e.message };
    throw e;
  }
}
