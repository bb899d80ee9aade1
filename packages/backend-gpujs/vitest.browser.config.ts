import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { vitestConfig } from '../../tooling/vitest.shared.ts';

/**
 * GPU tests in headless Chromium (Debian's /usr/bin/chromium; Playwright never downloads a
 * browser): WebGL2 through ANGLE on SwiftShader, WebGPU through Dawn on SwiftShader's Vulkan.
 */
export default defineConfig({
  ...vitestConfig,
  // Pre-bundle gpu.js (CommonJS) at start-up rather than on first import mid-run.
  optimizeDeps: { include: ['gpu.js'] },
  test: {
    include: ['src/**/*.browser.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    browser: {
      enabled: true,
      headless: true,
      screenshotFailures: false,
      provider: playwright({
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-background-networking',
            '--disable-component-update',
            '--use-angle=swiftshader',
            '--enable-unsafe-swiftshader',
            '--enable-unsafe-webgpu',
          ],
        },
      }),
      instances: [{ browser: 'chromium' }],
    },
  },
});
