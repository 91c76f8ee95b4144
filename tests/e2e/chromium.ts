import fs from 'node:fs';

// The flags every browser of ours starts with (Debian's Chromium, headless),
// from one list that the tests, the bench (tests/bench/run.mjs) and
// `cargo xtask lighthouse` all read: playwright.config.ts uses them, and a
// spec that needs one more flag (speech.spec.ts) adds to them.
export const CHROMIUM_ARGS: string[] = JSON.parse(fs.readFileSync('tests/e2e/chromium-args.json', 'utf8'));
