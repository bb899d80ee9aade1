import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// docs/guides/custom-optimizer.md shows this example's code; each block must be a verbatim
// excerpt of the file named above it, so the guide's code is the code CI compiles and tests.
const root = fileURLToPath(new URL('../../../', import.meta.url));
const guide = readFileSync(`${root}docs/guides/custom-optimizer.md`, 'utf8');
const blocks = [...guide.matchAll(/<!-- file: (\S+) -->\n```ts\n([\s\S]*?)\n```/g)].map((m) => ({
  file: m[1]!,
  code: m[2]!,
}));

describe('docs/guides/custom-optimizer.md', () => {
  it('shows the example’s files', () => {
    expect(blocks.map((b) => b.file)).toEqual(
      expect.arrayContaining([
        'examples/optimizer-plugin/src/scale-by-belief.ts',
        'examples/optimizer-plugin/src/adabelief.ts',
        'examples/optimizer-plugin/src/adabelief-plugin.ts',
        'examples/optimizer-plugin/src/conformance.test.ts',
      ]),
    );
  });

  for (const { file, code } of blocks) {
    it(`its block from ${file} is the file's real code`, () => {
      expect(readFileSync(`${root}${file}`, 'utf8')).toContain(code);
    });
  }
});
