import { Tensor } from '@descent/core';

/** The tensors held directly in an element's fields (or the element itself). */
export function tensorsOf(element: unknown): Tensor[] {
  if (element instanceof Tensor) return [element];
  if (typeof element !== 'object' || element === null) return [];
  return Object.values(element).filter((v): v is Tensor => v instanceof Tensor);
}

/** Disposes the tensors of `element` that `kept` does not hold. */
export function disposeUnkept(element: unknown, kept?: unknown): void {
  const keep = new Set(tensorsOf(kept));
  for (const t of tensorsOf(element)) if (!keep.has(t)) t.dispose();
}
