// The flags every test browser starts with (Debian's Chromium, headless):
// playwright.config.ts uses them, and a spec that needs one more flag
// (speech.spec.ts) adds to them.
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
