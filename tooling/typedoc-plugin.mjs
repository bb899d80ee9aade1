// Names each module of the API reference after its package (`core`, `augment/gpujs`) instead of
// its path (`core/src`, `augment/src/gpujs`), so the `structure-dir` router writes it to
// docs/api/<package>/ (where the package guides link), and gives it its package's description.
import { readFileSync } from 'node:fs';
import { Comment, Converter, ReflectionKind } from 'typedoc';

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_CREATE_DECLARATION, (_context, reflection) => {
    if (!reflection.kindOf(ReflectionKind.Module)) return;
    const match = /^([a-z0-9-]+)\/src(?:\/(.+))?$/.exec(reflection.name);
    if (!match) return;
    const [, dir, subpath] = match;
    const pkg = JSON.parse(readFileSync(`packages/${dir}/package.json`, 'utf8'));
    reflection.name = subpath ? `${dir}/${subpath}` : dir;
    if (!reflection.comment) {
      const text = subpath
        ? `The \`${pkg.name}/${subpath}\` entry point of \`${pkg.name}\`.`
        : `\`${pkg.name}\`: ${pkg.description}`;
      reflection.comment = new Comment([{ kind: 'text', text }]);
    }
  });
}
