import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright';
import { type PreviewServer, preview } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoStatus } from '../src/main';

/**
 * End to end: serves the built site (`vite build` runs before this, in the `test` script) on a
 * free localhost port and drives Debian's Chromium through Playwright, with the launch settings
 * of @descent/backend-gpujs' browser tests (WebGL2 and WebGPU on SwiftShader). No browser is
 * downloaded. Screenshots go to test-results/ (git-ignored).
 */
const appDir = fileURLToPath(new URL('..', import.meta.url));
const results = join(appDir, 'test-results');

let server: PreviewServer;
let browser: Browser;
let page: Page;
const errors: string[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, 'localhost', () => {
      const address = s.address();
      s.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

const status = (): Promise<DemoStatus> => page.evaluate(() => window.demo!.status());

/** Polls the page's status until `ok` holds; fails with the last status after `timeout` ms. */
async function until(what: string, ok: (s: DemoStatus) => boolean, timeout = 30_000): Promise<DemoStatus> {
  const end = Date.now() + timeout;
  let last = await status();
  while (!ok(last)) {
    if (Date.now() > end)
      throw new Error(
        `timed out waiting for ${what}; status: ${JSON.stringify({ ...last, memory: undefined })}`,
      );
    await page.waitForTimeout(100);
    last = await status();
  }
  return last;
}

beforeAll(async () => {
  if (!existsSync(join(appDir, 'dist', 'index.html')))
    throw new Error('apps/demo/dist is missing: run `vite build` first (the package `test` script does)');
  mkdirSync(results, { recursive: true });
  const port = await freePort();
  server = await preview({
    root: appDir,
    logLevel: 'warn',
    preview: { host: 'localhost', port, strictPort: true },
  });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      '--enable-unsafe-webgpu',
    ],
  });
  page = await browser.newPage({ viewport: { width: 1360, height: 1150 } });
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  await page.goto(`http://localhost:${port}/`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the demo in Chromium', () => {
  let freshTensors = 0;

  it('loads with no console errors, on the CPU, with a fresh spiral model', async () => {
    const s = await status();
    freshTensors = s.memory.numTensors;
    expect(errors).toEqual([]);
    expect(s.dataset).toBe('spiral');
    expect(s.mode).toBe('cpu');
    expect(s.shownMode).toBe('cpu');
    expect(await page.textContent('#backend-mode')).toBe('cpu');
    expect(s.validationLoss).toBeGreaterThan(0.5); // ~ln 2 before training
    expect(await page.isDisabled('#backend option[value="webgl2"]')).toBe(false);
  });

  let chartBefore: Buffer;

  it('trains the spiral MLP on the CPU: the loss falls and the charts update', async () => {
    const before = await status();
    chartBefore = await page.locator('#chart-loss canvas').screenshot();
    const started = Date.now();
    await page.click('#start');
    // Steps, not seconds, decide how far it gets (the CPU's speed varies); it takes a few
    // seconds. The charts redraw a few times a second.
    const s = await until(
      '300 CPU steps, drawn',
      (x) => x.step >= 300 && x.validationLoss !== undefined && x.chartPoints > before.points + 200,
    );
    expect(s.running).toBe(true);
    expect(s.mode).toBe('cpu');
    expect(s.validationLoss!).toBeLessThan(before.validationLoss! * 0.8);
    expect(s.trainLoss!).toBeLessThan(before.validationLoss!);
    expect(Number(await page.textContent('#stat-step'))).toBeGreaterThan(0);
    console.log(
      `CPU: ${s.step} steps in ${Date.now() - started} ms, validation loss ${before.validationLoss!.toFixed(3)} → ${s.validationLoss!.toFixed(3)}`,
    );
    expect(errors).toEqual([]);
  });

  it('moves to gpu.js (WebGL2) mid-run, shows the mode in use, and the loss keeps falling', async () => {
    // Switched while training runs (right after the CPU phase, while the loss still falls
    // steeply); the loss to beat is the last one measured on the CPU.
    const onCpu = await status();
    expect(onCpu.running).toBe(true);
    const cpuLoss = onCpu.validationLoss!;
    const switchedAt = onCpu.step;
    const started = Date.now();
    await page.selectOption('#backend', 'webgl2');
    const moved = await until(
      'the model on gpujs',
      (x) => x.weightsBackend === 'gpujs' && x.shownMode === 'webgl2',
    );
    expect(moved.mode).toBe('webgl2');
    expect(moved.backend).toBe('gpujs');
    expect(await page.textContent('#backend-mode')).toBe('gpu.js · webgl2');
    // Training carries on from where it was: no reset, still running.
    expect(moved.step).toBeGreaterThanOrEqual(switchedAt);
    expect(moved.running).toBe(true);
    const at = moved.step;
    const s = await until(
      '100 more steps and an evaluation on the GPU',
      (x) => x.step >= at + 100 && x.points > 0,
      60_000,
    );
    await until('an evaluation after them', (x) => x.validationLoss !== undefined && x.step >= s.step + 20);
    const after = await status();
    expect(after.running).toBe(true);
    expect(after.validationLoss!).toBeLessThan(cpuLoss);
    // The work really runs on gpu.js: kernels compiled there; the weights and optimizer state live there.
    const gpu = after.memory.backends.gpujs!;
    expect(gpu.backend.compilations).toBeGreaterThan(0);
    expect(gpu.numTensors).toBeGreaterThan(0);
    expect(after.mode).toBe('webgl2');
    expect(after.shownMode).toBe('webgl2');
    expect(await page.locator('#events li').last().textContent()).toContain('to gpu.js · webgl2');
    // The loss chart has been redrawn since the page loaded.
    expect(Buffer.compare(chartBefore, await page.locator('#chart-loss canvas').screenshot())).not.toBe(0);
    console.log(
      `WebGL2: switched at step ${switchedAt}, moved at ${at}, ${after.step - at} steps in ${Date.now() - started} ms, validation loss ${cpuLoss.toFixed(3)} → ${after.validationLoss!.toFixed(3)}`,
    );
    await page.click('#pause');
    const paused = await until('the loop to stop', (x) => !x.running);
    // Nothing leaked, and nothing was left behind on the CPU: weights, optimizer state and data moved.
    expect(paused.memory.numTensors).toBe(freshTensors);
    expect(paused.memory.backends.cpu!.numTensors).toBe(0);
    await page.screenshot({ path: join(results, 'trained.png'), fullPage: true });
    expect(errors).toEqual([]);
  });

  it('offers gpu.js WebGPU where the browser has it, and runs in that mode', async () => {
    const available = await page.evaluate(
      () => !document.querySelector<HTMLOptionElement>('#backend option[value="webgpu"]')!.disabled,
    );
    const hasAdapter = await page.evaluate(async () => {
      const gpu = (navigator as unknown as { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
      return Boolean(gpu && (await gpu.requestAdapter()));
    });
    expect(available).toBe(hasAdapter);
    if (!available) return;
    const at = (await status()).step;
    await page.selectOption('#backend', 'webgpu');
    await until(
      'the model on WebGPU',
      (x) => x.weightsBackend === 'gpujs-webgpu' && x.shownMode === 'webgpu',
    );
    await page.click('#start');
    const s = await until('20 steps on WebGPU', (x) => x.step >= at + 20, 60_000);
    expect(s.mode).toBe('webgpu');
    expect(await page.textContent('#backend-mode')).toBe('gpu.js · webgpu');
    await page.click('#pause');
    await until('the loop to stop', (x) => !x.running);
    expect(errors).toEqual([]);
  });

  it('trains on MNIST briefly, previews augmentation, then predicts a digit drawn on the canvas', async () => {
    await page.selectOption('#backend', 'cpu');
    await until('the model back on the CPU', (x) => x.weightsBackend === 'cpu' && x.shownMode === 'cpu');
    await page.selectOption('#dataset', 'mnist');
    await until(
      'an MNIST session',
      (x) => x.dataset === 'mnist' && x.validationLoss !== undefined && x.step === 0,
    );
    const plain = await page.locator('#augment-preview').screenshot();
    await page.check('input[name="augment"][value="rotation"]');
    await page.check('input[name="augment"][value="erasing"]');
    expect(Buffer.compare(plain, await page.locator('#augment-preview').screenshot())).not.toBe(0);
    await page.click('#start');
    const s = await until(
      '200 MNIST steps',
      (x) => x.step >= 200 && x.validationAccuracy !== undefined,
      60_000,
    );
    expect(s.validationAccuracy!).toBeGreaterThan(0.5);
    // Draw a "7": a bar across the top and a stroke down to the lower left.
    const box = (await page.locator('#draw').boundingBox())!;
    const at = (x: number, y: number): [number, number] => [box.x + x * box.width, box.y + y * box.height];
    await page.mouse.move(...at(0.28, 0.25));
    await page.mouse.down();
    for (const [x, y] of [
      [0.5, 0.25],
      [0.72, 0.25],
      [0.62, 0.5],
      [0.52, 0.78],
    ] as const)
      await page.mouse.move(...at(x, y), { steps: 8 });
    await page.mouse.up();
    const predicted = await until('a prediction', (x) => x.prediction !== undefined);
    expect(predicted.prediction).toBeGreaterThanOrEqual(0);
    expect(predicted.prediction).toBeLessThanOrEqual(9);
    expect(await page.textContent('#draw-prediction')).toBe(String(predicted.prediction));
    expect(await page.locator('#draw-bars .bar').count()).toBe(10);
    await page.click('#pause');
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(results, 'trained-mnist.png'), fullPage: true });
    console.log(
      `MNIST: step ${predicted.step}, validation accuracy ${predicted.validationAccuracy?.toFixed(3)}, the drawn 7 read as ${predicted.prediction}`,
    );
    expect(errors).toEqual([]);
  });
});
