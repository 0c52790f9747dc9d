/** Where a dataset file is not JSON (src/dataset/json-error.ts). */
import { describe, expect, it } from 'vitest';
import { describeJsonError, findJsonError } from './json-error';

describe('JSON errors', () => {
  it('locates JSON syntax errors in words that do not depend on the engine', () => {
    expect(describeJsonError('{\n  "a": 1,\n}')).toBe('line 3, column 1: trailing comma before "}"');
    expect(describeJsonError('{"a" 1}')).toBe('line 1, column 6: unexpected "1", expected ":"');
    expect(describeJsonError('[1, 2')).toBe('line 1, column 6: unexpected end of file, expected "," or "]"');
    expect(describeJsonError('{"a": "b\nc"}')).toBe('line 1, column 9: control character in a string (escape it, e.g. \\n)');
    expect(describeJsonError('')).toBe('line 1, column 1: unexpected end of file, expected a value');
    expect(findJsonError('{"a": [1, -2.5e3, true, null, "\\u00e9"]}')).toBeUndefined();
  });
});
