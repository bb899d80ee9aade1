import { InvalidHyperparameterError } from '../errors';
import { listPaths } from './leaves';

/** The range a hyperparameter must lie in. */
export type Constraint = 'nonNegative' | 'positive' | 'unitInterval' | 'closedUnit' | 'finite';

const RANGE: Record<Constraint, { text: string; ok: (v: number) => boolean }> = {
  nonNegative: { text: '>= 0', ok: (v) => v >= 0 },
  positive: { text: '> 0', ok: (v) => v > 0 },
  unitInterval: { text: 'in [0, 1)', ok: (v) => v >= 0 && v < 1 },
  closedUnit: { text: 'in [0, 1]', ok: (v) => v >= 0 && v <= 1 },
  finite: { text: '(any)', ok: () => true },
};

/** Where a value was found, for the message: the step, whether a schedule made it, the parameters updated. */
export interface HyperparamSite {
  readonly step: number;
  readonly scheduled: boolean;
  readonly paths: readonly string[];
  /** What was being done to the parameters. Default 'updating'. */
  readonly doing?: 'updating' | 'initializing';
}

/**
 * Returns `value` if it is a finite number in range, else throws an `InvalidHyperparameterError`
 * naming the hyperparameter, the value and (during an update) the step and parameter paths.
 */
export function checkHyperparam(
  op: string,
  name: string,
  value: unknown,
  constraint: Constraint,
  site?: HyperparamSite,
): number {
  const range = RANGE[constraint];
  if (typeof value === 'number' && Number.isFinite(value) && range.ok(value)) return value;
  const want = constraint === 'finite' ? 'a finite number' : `a finite number ${range.text}`;
  const got =
    typeof value === 'number'
      ? String(value)
      : typeof value === 'string'
        ? JSON.stringify(value)
        : typeof value;
  const where = site
    ? ` at step ${site.step}${site.scheduled ? ' (from its schedule)' : ''}, ${site.doing ?? 'updating'} parameters ${listPaths(site.paths)}`
    : '';
  throw new InvalidHyperparameterError(
    op,
    name,
    value,
    `hyperparameter "${name}" must be ${want}, got ${got}${where}`,
    site?.paths ?? [],
  );
}
