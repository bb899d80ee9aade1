import { InvalidArgumentError, type Runtime } from '@descent/core';
import type { Callback } from '../callback';
import type { History } from '../history';
import { builtinCallbacks } from './builtin-callbacks';

/** Callbacks by object, registered name or `{ className, config }`, after the History; names made unique. */
export function resolveCallbacks(
  rt: Runtime,
  history: History,
  specs: readonly (Callback | string | { className: string; config?: unknown })[],
): Callback[] {
  if (!Array.isArray(specs)) throw new InvalidArgumentError('fit', 'callbacks must be an array');
  const out: Callback[] = [history];
  for (const spec of specs) {
    let cb: Callback;
    if (
      typeof spec === 'string' ||
      (typeof spec === 'object' && spec !== null && 'className' in spec && !('name' in spec))
    ) {
      const [name, config] = typeof spec === 'string' ? [spec, undefined] : [spec.className, spec.config];
      const factory =
        rt.registry.find('callback', name)?.value ??
        builtinCallbacks[name] ??
        rt.registry.get('callback', name);
      cb = factory(config);
    } else cb = spec as Callback;
    if (typeof cb !== 'object' || cb === null || typeof cb.name !== 'string')
      throw new InvalidArgumentError(
        'fit',
        `a callback must be an object with a name, got ${JSON.stringify(spec)}`,
      );
    out.push(cb);
  }
  const names = new Set<string>();
  for (const cb of out) {
    if (names.has(cb.name))
      throw new InvalidArgumentError(
        'fit',
        `two callbacks are named "${cb.name}"; names key their state in checkpoints, give one another name`,
      );
    names.add(cb.name);
  }
  return out;
}
