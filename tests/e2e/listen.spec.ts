import path from 'node:path';
import { test, expect, hostPage, widget, ready, sideInView } from './fixtures';
import type { Page } from '@playwright/test';

// Listening to a card: "Nghe" reads the side in view aloud in a voice of
// the widget's language. Here an init script stands in for the device's
// speech synthesis and records what the widget asks of it; speech.spec.ts
// hears it with a real voice (speech-dispatcher and espeak-ng).

const AXE = path.resolve('node_modules/axe-core/axe.min.js');
const host = '#host';

type Voice = { name: string; lang: string; localService?: boolean };

/**
 * A device with `voices` (more may come later, with `window.addVoices`):
 * window.spoken records each utterance spoken (its text, lang and voice),
 * window.cancels counts the cancels; a cancel ends the utterance speaking
 * with an error, as Chromium's does.
 */
async function withVoices(page: Page, voices: Voice[]) {
  await page.addInitScript((voices: Voice[]) => {
    const win = window as any;
    const listeners: Array<() => void> = [];
    let speaking: any = null;
    win.spoken = [];
    win.cancels = 0;
    win.voiceListeners = () => listeners.length;
    class Utterance {
      text: string;
      lang = '';
      voice: Voice | null = null;
      onend: ((event: unknown) => void) | null = null;
      onerror: ((event: unknown) => void) | null = null;
      constructor(text: string) {
        this.text = text;
      }
    }
    const synthesis = {
      getVoices: () => voices.slice(),
      speak(utterance: Utterance) {
        speaking = utterance;
        win.spoken.push({ text: utterance.text, lang: utterance.lang, voice: utterance.voice?.name });
      },
      cancel() {
        win.cancels++;
        const stopped = speaking;
        speaking = null;
        if (stopped) setTimeout(() => stopped.onerror?.({ error: 'interrupted' }));
      },
      addEventListener: (name: string, listener: () => void) => name === 'voiceschanged' && listeners.push(listener),
      removeEventListener: (name: string, listener: () => void) => {
        const at = listeners.indexOf(listener);
        if (name === 'voiceschanged' && at >= 0) listeners.splice(at, 1);
      },
    };
    win.addVoices = (more: Voice[]) => {
      voices.push(...more);
      listeners.slice().forEach((listener) => listener());
    };
    win.finishSpeaking = () => {
      const done = speaking;
      speaking = null;
      done?.onend?.({});
    };
    Object.defineProperty(window, 'speechSynthesis', { configurable: true, value: synthesis });
    Object.defineProperty(window, 'SpeechSynthesisUtterance', { configurable: true, value: Utterance });
  }, voices);
}

const VI_VOICE = { name: 'Tiếng Việt', lang: 'vi-VN' };
const EN_VOICE = { name: 'English (UK)', lang: 'en-GB' };

async function mount(page: Page, options: Record<string, unknown> = {}) {
  await page.goto(hostPage('api'));
  await page.evaluate(async (options) => {
    (window as any).handle = await (window as any).CDS17.mount(document.getElementById('host'), { deeplink: 'off', ...options });
  }, options);
  await ready(page, host);
}

const spoken = (page: Page) => page.evaluate(() => (window as any).spoken as Array<{ text: string; lang: string; voice: string }>);
const cancels = (page: Page) => page.evaluate(() => (window as any).cancels as number);
const listenButton = (page: Page) => page.locator(`${host} .cds17-listen`);

test.describe('listening to a card', () => {
  for (const [lang, label, voice, side] of [
    ['vi', 'Nghe', VI_VOICE, 'Ứng dụng CNTT'],
    ['en', 'Listen', EN_VOICE, 'Applying IT'],
  ] as const) {
    test(`"${label}" reads the side in view in a voice of the widget's language, with the utterance's lang set (${lang})`, async ({ page }) => {
      await withVoices(page, [VI_VOICE, EN_VOICE]);
      await mount(page, { lang, card: 4 });
      const w = widget(page, host);
      await w.button(label).click();
      await expect(w.button(label)).toHaveAttribute('aria-pressed', 'true');
      const said = await spoken(page);
      expect(said).toEqual([{ text: await sideInView(page, host, 4), lang: voice.lang, voice: voice.name }]);
      expect(said[0].text.startsWith(`${side}. `)).toBe(true);
      // Done speaking, the button is up again; pressed again, it reads the back once flipped.
      await page.evaluate(() => (window as any).finishSpeaking());
      await expect(w.button(label)).toHaveAttribute('aria-pressed', 'false');
      await w.flipButton(4).click();
      await w.button(label).click();
      expect((await spoken(page))[1].text).toBe(await sideInView(page, host, 4));
      expect((await spoken(page))[1].text).toContain((await w.card(4).locator('.cds17-face-after .cds17-text').textContent())!);
    });
  }

  test("a voice of the device's own comes before an online one, which would send the text away", async ({ page }) => {
    await withVoices(page, [
      { name: 'Online Vietnamese', lang: 'vi-VN', localService: false },
      { name: 'Vietnamese on the phone', lang: 'vi_VN', localService: true },
      { name: 'Another online Vietnamese', lang: 'vi-VN', localService: false },
    ]);
    await mount(page);
    await widget(page, host).button('Nghe').click();
    expect((await spoken(page))[0]).toMatchObject({ voice: 'Vietnamese on the phone', lang: 'vi_VN' });
  });

  test('there is no Listen button where the device has no voice for the language, and it comes when a voice does', async ({ page }) => {
    await withVoices(page, [VI_VOICE]);
    await mount(page);
    const w = widget(page, host);
    await expect(w.button('Nghe')).toBeVisible();
    await w.button('English').click();
    await expect(w.button('Listen')).toHaveCount(0);
    await expect(listenButton(page)).toBeHidden();
    // Voices that arrive late (Chromium loads them after the page asks).
    await page.evaluate((voice) => (window as any).addVoices([voice]), EN_VOICE);
    await expect(w.button('Listen')).toBeVisible();
  });

  test('a device with no voice at all, or no speech synthesis, shows no Listen button', async ({ page }) => {
    await withVoices(page, []);
    await mount(page);
    await expect(widget(page, host).button('Nghe')).toHaveCount(0);
    const other = await page.context().newPage();
    await other.addInitScript(() => Object.defineProperty(window, 'speechSynthesis', { configurable: true, value: undefined }));
    await other.goto(hostPage('api'));
    await other.evaluate(() => (window as any).CDS17.mount(document.getElementById('host'), { deeplink: 'off' }));
    await ready(other, host);
    await expect(widget(other, host).button('Nghe')).toHaveCount(0);
    await expect(widget(other, host).button('Sao chép liên kết')).toBeVisible();
    await other.close();
  });

  test('the self-check has no Listen button: there is no card in view', async ({ page }) => {
    await withVoices(page, [VI_VOICE]);
    await mount(page);
    const w = widget(page, host);
    await w.button('Tự kiểm tra').click();
    await expect(page.locator(`${host} .cds17-quiz .cds17-quiz-progress`)).toHaveText('Câu 1/10');
    await expect(w.button('Nghe')).toHaveCount(0);
    await w.button('Từng thẻ').click();
    await expect(w.button('Nghe')).toBeVisible();
  });

  const stops: Array<[string, (page: Page) => Promise<unknown>]> = [
    ['pressed again', (page) => widget(page, host).button('Nghe').click()],
    ['a move to the next card', (page) => widget(page, host).next.click()],
    ['a flip', (page) => widget(page, host).flipButton(1).click()],
    ['a language switch', (page) => widget(page, host).button('English').click()],
    ['a change made by the page', (page) => page.evaluate(() => (window as any).handle.goTo(9))],
  ];
  for (const [how, stop] of stops) {
    test(`it stops on ${how}`, async ({ page }) => {
      await withVoices(page, [VI_VOICE, EN_VOICE]);
      await mount(page);
      await widget(page, host).button('Nghe').click();
      await expect(listenButton(page)).toHaveAttribute('aria-pressed', 'true');
      const before = await cancels(page);
      await stop(page);
      await expect.poll(() => cancels(page)).toBeGreaterThan(before);
      await expect(listenButton(page)).toHaveAttribute('aria-pressed', 'false');
      expect(await spoken(page)).toHaveLength(1);
    });
  }

  test('nothing keeps speaking after destroy(), and its voiceschanged listener goes with it', async ({ page }) => {
    await withVoices(page, [VI_VOICE]);
    await mount(page);
    expect(await page.evaluate(() => (window as any).voiceListeners())).toBe(1);
    await widget(page, host).button('Nghe').click();
    const before = await cancels(page);
    await page.evaluate(() => (window as any).handle.destroy());
    expect(await cancels(page)).toBeGreaterThan(before);
    expect(await page.evaluate(() => (window as any).voiceListeners())).toBe(0);
  });

  test('in presenter mode it reads the side on screen, and stops when presenter mode ends', async ({ page }) => {
    await withVoices(page, [VI_VOICE]);
    await mount(page, { card: 6 });
    const w = widget(page, host);
    await w.button('Trình chiếu').click();
    await expect.poll(() => page.evaluate(() => !!document.fullscreenElement)).toBe(true);
    // A presenter remote steps to card 6's back.
    await page.keyboard.press('PageDown');
    await expect(w.card(6)).toHaveAttribute('data-flipped', 'true');
    await expect(w.button('Nghe')).toBeVisible();
    await w.button('Nghe').click();
    expect((await spoken(page))[0].text).toBe(await sideInView(page, host, 6));
    expect((await spoken(page))[0].text.startsWith('Chuyển đổi số. ')).toBe(true);
    const before = await cancels(page);
    await page.keyboard.press('Escape');
    await expect.poll(() => cancels(page)).toBeGreaterThan(before);
    await expect(listenButton(page)).toHaveAttribute('aria-pressed', 'false');
  });

  test("one widget's voice stops another's", async ({ page }) => {
    await withVoices(page, [VI_VOICE]);
    await page.goto(hostPage('api'));
    await page.evaluate(async () => {
      const second = document.createElement('div');
      second.id = 'second';
      document.body.append(second);
      await (window as any).CDS17.mount(document.getElementById('host'), { deeplink: 'off' });
      await (window as any).CDS17.mount(second, { deeplink: 'off', card: 3 });
    });
    await ready(page, host);
    await ready(page, '#second');
    await widget(page, host).button('Nghe').click();
    await widget(page, '#second').button('Nghe').click();
    await expect(listenButton(page)).toHaveAttribute('aria-pressed', 'false');
    await expect(page.locator('#second .cds17-listen')).toHaveAttribute('aria-pressed', 'true');
  });

  test('axe finds nothing with Listen and Share shown, at rest and while speaking', async ({ page }) => {
    await withVoices(page, [VI_VOICE]);
    await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'share', { configurable: true, value: () => Promise.resolve() }));
    await mount(page);
    const w = widget(page, host);
    await expect(w.button('Nghe')).toBeVisible();
    await expect(w.button('Chia sẻ')).toBeVisible();
    await page.addScriptTag({ path: AXE });
    const check = () =>
      page.evaluate(async () => {
        const result = await (window as any).axe.run(document.getElementById('host'), {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
        });
        return result.violations.map((item: any) => item.id);
      });
    expect(await check()).toEqual([]);
    await w.button('Nghe').click();
    expect(await check()).toEqual([]);
  });
});
