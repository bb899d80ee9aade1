// `pnpm run docs`: the API reference of every published package, from source, into docs/api/
// (generated, gitignored). One TypeScript program over packages/*/src, with `@descent/*`
// imports mapped to source (tooling/tsconfig.typedoc.json), so no build is needed and links
// between packages resolve. Every exported symbol must be documented: a missing comment is a
// warning, and warnings fail the build (`pnpm test` runs it through turbo's `docs` task).
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const packages = readdirSync('packages')
  .sort()
  .map((dir) => ({ dir, pkg: JSON.parse(readFileSync(`packages/${dir}/package.json`, 'utf8')) }))
  .filter(({ pkg }) => !pkg.private);

// Each entry of a package's exports map (`./dist/gpujs.js`) comes from `src/<same name>.ts`.
const entries = packages.flatMap(({ dir, pkg }) =>
  Object.entries(pkg.exports)
    .map(([subpath, target]) => [subpath, typeof target === 'string' ? target : target.import])
    .filter(([, target]) => typeof target === 'string' && target.endsWith('.js'))
    .map(([subpath, target]) => ({
      specifier: `${pkg.name}${subpath.slice(1)}`,
      source: `packages/${dir}/${target.replace(/^\.\/dist\//, 'src/').replace(/\.js$/, '.ts')}`,
    })),
);

/** @type {Partial<import('typedoc').TypeDocOptions>} */
export default {
  name: 'descent',
  entryPoints: entries.map((e) => e.source),
  entryPointStrategy: 'resolve',
  tsconfig: 'tooling/tsconfig.typedoc.json',
  // Imports between packages resolve to their sources, not to built dist/ files.
  compilerOptions: {
    paths: Object.fromEntries(entries.map((e) => [e.specifier, [resolve(e.source)]])),
  },
  out: 'docs/api',
  // docs/api/<package>/index.html, the folders the package guides link to.
  router: 'structure-dir',
  plugin: ['./tooling/typedoc-plugin.mjs'],
  readme: 'none',
  excludePrivate: true,
  excludeInternal: true,
  excludeExternals: true,
  // `pnpm typecheck` type-checks the packages; the docs build only reads them.
  skipErrorChecking: true,
  // No git remote to link sources to (and CI clones from a local path).
  disableSources: true,
  validation: {
    notExported: true,
    invalidLink: true,
    invalidPath: true,
    rewrittenLink: true,
    notDocumented: true,
    unusedMergeModuleWith: true,
  },
  // notDocumented only looks at these packages' symbols (by default: the root package's).
  packagesRequiringDocumentation: packages.map(({ pkg }) => pkg.name),
  // Inferred return types of `getConfig()` that repeat documented options of the same class
  // (their members are declared in object literals, where TypeDoc finds no comment).
  intentionallyNotDocumented: [
    'layers.Constant.getConfig.__type.value',
    'layers.Orthogonal.getConfig.__type.gain',
    'layers.RandomNormal.getConfig.__type.mean',
    'layers.RandomNormal.getConfig.__type.std',
    'layers.RandomUniform.getConfig.__type.min',
    'layers.RandomUniform.getConfig.__type.max',
    'layers.TruncatedNormal.getConfig.__type.mean',
    'layers.TruncatedNormal.getConfig.__type.std',
    // NAdam's running product of momentum coefficients, inside the state type's type argument.
    'optimizers.scaleByNadam.__type.muProduct',
  ],
  treatWarningsAsErrors: true,
};
