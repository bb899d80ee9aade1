// Writes a PNG grid of real MNIST digits through each @descent/augment transform, one row per
// transform, into out/augment-grid.png (or the directory given). From the repository root:
//   pnpm turbo run build --filter=@descent/example-augment-grid^... && pnpm --filter @descent/example-augment-grid start
import { writeGrid } from './grid';

const outDir = process.argv[2] ?? 'out';
const { path, width, height, rows } = writeGrid(outDir);
console.log(`wrote ${path} (${width}×${height}), rows top to bottom:`);
for (const [i, name] of rows.entries()) console.log(`${String(i + 1).padStart(3)}. ${name}`);
