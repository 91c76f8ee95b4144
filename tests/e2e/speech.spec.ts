import { test, expect, hostPage, widget, ready, sideInView } from './fixtures';
import { CHROMIUM_ARGS } from './chromium';
import type { Page } from '@playwright/test';

// Listening with a real voice: Chromium's speech goes to Debian's
// speech-dispatcher, which speaks with espeak-ng (306 Vietnamese voices).
// `cargo xtask test` installs them and writes the daemon a set-up of its
// own, with silent audio (xtask/src/speech.rs); this file's browser is
// started with it. listen.spec.ts checks the widget's calls one by one.

test.use({
  launchOptions: {
    executablePath: '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, '--enable-speech-dispatcher'],
    env: {
      ...process.env,
      HOME: process.env.CDS17_SPEECH_HOME ?? '',
      XDG_CONFIG_HOME: process.env.CDS17_SPEECH_CONFIG ?? '',
      XDG_RUNTIME_DIR: process.env.CDS17_SPEECH_RUNTIME ?? '',
    },
  },
});
// One daemon speaks for every browser, one utterance at a time.
test.describe.configure({ mode: 'serial' });

const host = '#host';

/**
 * Records what the device's speech does with each utterance the widget
 * speaks: window.heard gets { text, lang, events }. With silent audio an
 * utterance ends in about a second; `slowly` asks for the slowest rate, so
 * that a stop comes while it still speaks.
 */
async function listenIn(page: Page, slowly = false) {
  await page.addInitScript((slowly) => {
    const win = window as any;
    win.heard = [];
    const speak = speechSynthesis.speak.bind(speechSynthesis);
    speechSynthesis.speak = (utterance: SpeechSynthesisUtterance) => {
      const heard = { text: utterance.text, lang: utterance.lang, voice: utterance.voice?.lang, events: [] as string[] };
      win.heard.push(heard);
      utterance.addEventListener('start', () => heard.events.push('start'));
      utterance.addEventListener('end', () => heard.events.push('end'));
      utterance.addEventListener('error', (event) => heard.events.push(`error ${(event as SpeechSynthesisErrorEvent).error}`));
      if (slowly) utterance.rate = 0.1;
      speak(utterance);
    };
  }, slowly);
}

async function mount(page: Page, options: Record<string, unknown>) {
  await page.goto(hostPage('api'));
  await page.evaluate(async (options) => {
    (window as any).handle = await (window as any).CDS17.mount(document.getElementById('host'), { deeplink: 'off', ...options });
  }, options);
  await ready(page, host);
}

const heard = (page: Page) => page.evaluate(() => (window as any).heard as Array<{ text: string; lang: string; voice: string; events: string[] }>);
const listenButton = (page: Page) => page.locator(`${host} .cds17-listen`);

test.describe('listening with a real voice', () => {
  for (const [lang, label] of [
    ['vi', 'Nghe'],
    ['en', 'Listen'],
  ] as const) {
    test(`"${label}" appears and speaks the side in view in a ${lang} voice`, async ({ page }) => {
      await listenIn(page);
      await mount(page, { lang, card: 2 });
      const w = widget(page, host);
      // The voices arrive after the page asks for them (voiceschanged).
      await expect(w.button(label)).toBeVisible({ timeout: 15_000 });
      await w.button(label).click();
      await expect.poll(async () => (await heard(page))[0]?.events, { timeout: 15_000 }).toContain('start');
      const [said] = await heard(page);
      expect(said.text).toBe(await sideInView(page, host, 2));
      expect(said.lang.slice(0, 2).toLowerCase()).toBe(lang);
      expect(said.voice.slice(0, 2).toLowerCase()).toBe(lang);
      // Spoken to its end, the button is up again.
      await expect.poll(async () => (await heard(page))[0].events, { timeout: 15_000 }).toContain('end');
      await expect(w.button(label)).toHaveAttribute('aria-pressed', 'false');
    });
  }

  const stops: Array<[string, (page: Page) => Promise<unknown>]> = [
    ['pressed again', (page) => widget(page, host).button('Nghe').click()],
    ['a move', (page) => widget(page, host).next.click()],
    ['a flip', (page) => widget(page, host).flipButton(5).click()],
    ['a language switch', (page) => widget(page, host).button('English').click()],
    ['destroy()', (page) => page.evaluate(() => (window as any).handle.destroy())],
  ];
  for (const [how, stop] of stops) {
    test(`${how} stops the voice`, async ({ page }) => {
      await listenIn(page, true);
      await mount(page, { card: 5 });
      await expect(listenButton(page)).toBeVisible({ timeout: 15_000 });
      await listenButton(page).click();
      await expect.poll(async () => (await heard(page))[0]?.events, { timeout: 15_000 }).toContain('start');
      await stop(page);
      await expect.poll(() => page.evaluate(() => speechSynthesis.speaking)).toBe(false);
      const [said] = await heard(page);
      // Stopped, not spoken to its end.
      expect(said.events).not.toContain('end');
      expect(said.events.some((event) => /^error (interrupted|canceled)$/.test(event))).toBe(true);
      if (how !== 'destroy()') await expect(listenButton(page)).toHaveAttribute('aria-pressed', 'false');
    });
  }

  test('leaving presenter mode stops the voice', async ({ page }) => {
    await listenIn(page, true);
    await mount(page, { card: 5 });
    const w = widget(page, host);
    await w.button('Trình chiếu').click();
    await expect.poll(() => page.evaluate(() => !!document.fullscreenElement)).toBe(true);
    await expect(listenButton(page)).toBeVisible({ timeout: 15_000 });
    await listenButton(page).click();
    await expect.poll(async () => (await heard(page))[0]?.events, { timeout: 15_000 }).toContain('start');
    expect((await heard(page))[0].text).toBe(await sideInView(page, host, 5));
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => speechSynthesis.speaking)).toBe(false);
    expect((await heard(page))[0].events).not.toContain('end');
    await expect(listenButton(page)).toHaveAttribute('aria-pressed', 'false');
  });
});
