import { defineConfig } from 'tsup';
import { preset } from '../../tooling/tsup.preset.ts';

// The preset, with the command as the entry and a shebang so `descent` runs as a bin.
export default defineConfig({
  ...preset,
  entry: ['src/descent.ts'],
  dts: false,
  banner: { js: '#!/usr/bin/env node' },
});
