import { InvalidArgumentError, type Tensor } from '@descent/core';
import type { Regularizer } from '@descent/layers';
import { PenaltyPathError } from '../errors';

/** Penalties attached by parameter path (`'dense_1/kernel'`), one or several per path. */
export type PenaltyMap = { readonly [path: string]: Regularizer | readonly Regularizer[] };

/**
 * The error for a path `known` lacks, naming the deepest layer of it that exists and what that
 * layer has, or that the path is a layer rather than a parameter.
 */
export function pathError(
  op: string,
  what: string,
  path: string,
  known: readonly string[],
): PenaltyPathError {
  const children = (prefix: string) => [
    ...new Set(
      known
        .filter((k) => prefix === '' || k.startsWith(`${prefix}/`))
        .map((k) => k.slice(prefix === '' ? 0 : prefix.length + 1).split('/')[0]!),
    ),
  ];
  if (known.some((k) => k.startsWith(`${path}/`))) {
    const has = known.filter((k) => k.startsWith(`${path}/`));
    return new PenaltyPathError(
      op,
      path,
      path,
      has,
      `${what} "${path}", which is a layer, not a parameter (attach it to one of: ${has.join(', ')})`,
    );
  }
  const parts = path.split('/');
  for (let i = parts.length - 1; i >= 1; i--) {
    const layer = parts.slice(0, i).join('/');
    if (known.some((k) => k.startsWith(`${layer}/`))) {
      const has = children(layer);
      return new PenaltyPathError(
        op,
        path,
        layer,
        has,
        `${what} "${path}", but layer "${layer}" has no parameter "${parts.slice(i).join('/')}" (it has: ${has.join(', ')})`,
      );
    }
  }
  const top = children('');
  const noun = parts.length > 1 ? 'layer' : 'parameter or layer';
  return new PenaltyPathError(
    op,
    path,
    '',
    top,
    `${what} "${path}", but there is no ${noun} "${parts[0]}" (there are: ${top.length ? top.join(', ') : 'none'})`,
  );
}

/** The penalties of a map as a list, each checked to be a regularizer. */
export function entriesOf(op: string, penalties: PenaltyMap): [string, Regularizer][] {
  if (penalties === null || typeof penalties !== 'object' || Array.isArray(penalties))
    throw new InvalidArgumentError(op, `expected penalties keyed by parameter path, got ${typeof penalties}`);
  const out: [string, Regularizer][] = [];
  for (const [path, value] of Object.entries(penalties)) {
    for (const r of Array.isArray(value) ? (value as readonly Regularizer[]) : [value as Regularizer]) {
      if (r === null || typeof r !== 'object' || typeof r.penalty !== 'function')
        throw new InvalidArgumentError(
          op,
          `the penalty attached to "${path}" is not a regularizer (an object with penalty(w)), got ${r === null ? 'null' : typeof r}`,
        );
      out.push([path, r]);
    }
  }
  return out;
}

/** Looks every path up in `byPath`, throwing `PenaltyPathError` for the first missing one. */
export function resolvePaths(
  op: string,
  entries: readonly [string, Regularizer][],
  byPath: ReadonlyMap<string, Tensor>,
): [Tensor, Regularizer, string][] {
  return entries.map(([path, r]) => {
    const t = byPath.get(path);
    if (!t) throw pathError(op, 'a penalty is attached to', path, [...byPath.keys()]);
    return [t, r, path];
  });
}
