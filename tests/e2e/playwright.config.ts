import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS } from './chromium';

// `cargo xtask test` builds dist/, serves it from one origin and the host
// pages from another, and passes both here. Debian's Chromium is used:
// Playwright cannot download its own browser on these machines.
export default defineConfig({
  testDir: '.',
  outputDir: '../../target/e2e-results',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    baseURL: process.env.CDS17_HOST_ORIGIN,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    },
  },
});
