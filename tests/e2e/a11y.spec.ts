import path from 'node:path';
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { test, expect, hostPage, widget, ready, accessibilityTree } from './fixtures';
import type { Page } from '@playwright/test';

const AXE = path.resolve('node_modules/axe-core/axe.min.js');
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

type Setup = { lang: 'vi' | 'en'; view: 'deck' | 'grid'; theme: 'light' | 'dark'; side: 'front' | 'back' };

/** Mounts a widget on the API page in the given state. */
async function mountIn(page: Page, setup: Setup) {
  await page.goto(hostPage('api'));
  await page.evaluate(async ({ lang, view, theme }) => {
    await (window as any).CDS17.mount(document.getElementById('host'), { lang, view, theme, card: 3 });
  }, setup);
  await ready(page, '#host');
  if (setup.side === 'back') {
    const buttons = page.locator('#host .cds17-slot[data-shown="true"] .cds17-flip');
    for (const button of await buttons.all()) await button.click();
    // The turned-away faces become `visibility: hidden` when the turn ends.
    await page.waitForTimeout(700);
  }
}

/** axe-core, run on the widget's shadow tree only: the host page is not ours. */
async function axe(page: Page, host = '#host') {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(
    async ({ selector, tags }) => {
      const result = await (window as any).axe.run(document.querySelector(selector), {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations', 'incomplete'],
      });
      const nodes = (items: any[]) =>
        items.flatMap((item: any) =>
          item.nodes.map((node: any) => `${item.id}: ${node.target.join(' ')}: ${node.failureSummary ?? ''}`),
        );
      return {
        violations: nodes(result.violations),
        incompleteContrast: nodes(result.incomplete.filter((item: any) => item.id === 'color-contrast')),
      };
    },
    { selector: host, tags: WCAG },
  );
}

test.describe('axe-core (WCAG 2.2 AA) inside the shadow root', () => {
  for (const theme of ['light', 'dark'] as const) {
    for (const lang of ['vi', 'en'] as const) {
      for (const view of ['deck', 'grid'] as const) {
        for (const side of ['front', 'back'] as const) {
          test(`${view}, ${lang}, ${side}, ${theme}: no violations, no unsure contrast`, async ({ page }) => {
            await mountIn(page, { lang, view, theme, side });
            const result = await axe(page);
            expect(result.violations).toEqual([]);
            expect(result.incompleteContrast).toEqual([]);
          });
        }
      }
    }
  }

  // The self-check: its question, its feedback (after a wrong answer, the
  // longer one) and its result, each in both languages and both themes.
  for (const theme of ['light', 'dark'] as const) {
    for (const lang of ['vi', 'en'] as const) {
      test(`self-check, ${lang}, ${theme}: no violations in a question, its feedback or the result`, async ({ page }) => {
        await page.goto(hostPage('api'));
        await page.evaluate(async ({ lang, theme }) => {
          await (window as any).CDS17.mount(document.getElementById('host'), { lang, view: 'quiz', theme });
        }, { lang, theme });
        const quiz = page.locator('#host .cds17-quiz');
        await expect(quiz.locator('.cds17-statement')).toBeVisible();
        const states: Record<string, unknown> = {};
        states.question = await axe(page);
        for (let question = 1; question <= 10; question++) {
          await quiz.locator('.cds17-answer-before').click();
          await expect(quiz.locator('.cds17-feedback')).toBeVisible();
          if (question === 1) states.feedback = await axe(page);
          await quiz.locator('.cds17-quiz-next').click();
        }
        await expect(quiz.locator('.cds17-quiz-end')).toBeVisible();
        states.result = await axe(page);
        const clean = { violations: [], incompleteContrast: [] };
        expect(states).toEqual({ question: clean, feedback: clean, result: clean });
      });
    }
  }

  test('with reduced motion: no violations, no unsure contrast', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await mountIn(page, { lang: 'vi', view: 'deck', theme: 'light', side: 'back' });
    const result = await axe(page);
    expect(result.violations).toEqual([]);
    expect(result.incompleteContrast).toEqual([]);
  });

  test('with the theme following a dark system: no violations', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(hostPage('api'));
    await page.evaluate(() => (window as any).CDS17.mount(document.getElementById('host'), { theme: 'auto' }));
    await ready(page, '#host');
    await expect(page.locator('#host .cds17-root')).toHaveCSS('background-color', 'rgb(15, 21, 29)');
    const result = await axe(page);
    expect(result.violations).toEqual([]);
    expect(result.incompleteContrast).toEqual([]);
  });
});

test.describe('what assistive technology gets', () => {
  test('one face at a time, and the current card only', async ({ page }) => {
    await mountIn(page, { lang: 'vi', view: 'deck', theme: 'light', side: 'front' });
    const w = widget(page, '#host');
    // Chromium's own accessibility tree, what a screen reader reads: the
    // face turned away is inert, which takes it out of the tree at once.
    // (Playwright's ariaSnapshot keeps inert content, so it would still
    // show that face until the turn has ended and it is hidden outright.)
    const read = async () =>
      (await accessibilityTree(page))
        .filter((node) => !node.ignored)
        .map((node) => node.name?.value ?? '')
        .join('\n');
    const front = await read();
    expect(front).toContain('chỉ nói đến phần mềm');
    expect(front).not.toContain('xuất hiện khái niệm nền tảng số');
    expect(front).not.toContain('tập trung mang lại giá trị cho nhà quản lý');
    expect(await w.root.ariaSnapshot()).toMatch(/button "Lật thẻ 3"(?! \[pressed)/);

    await w.card().click();
    await expect(w.flipButton(3)).toHaveAttribute('aria-pressed', 'true');
    const back = await read();
    expect(back).toContain('xuất hiện khái niệm nền tảng số');
    expect(back).not.toContain('chỉ nói đến phần mềm');
    expect(await w.root.ariaSnapshot()).toContain('button "Lật thẻ 3" [pressed]');
  });

  // The cards' text, from the fallback table dist/ ships (built from the same data).
  const sides = (lang: string) =>
    [...fs.readFileSync(`dist/fallback.${lang}.html`, 'utf8').matchAll(/<td>([^<]*)<\/td><td>([^<]*)<\/td>/g)].map(([, before, after]) => ({
      before: before.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").slice(0, 60),
      after: after.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").slice(0, 60),
    }));

  for (const lang of ['vi', 'en'] as const) {
    for (const side of ['front', 'back'] as const) {
      test(`grid, ${lang}, ${side}, dark: each of the 17 cards shows one face only`, async ({ page }) => {
        await mountIn(page, { lang, view: 'grid', theme: 'dark', side });
        const snapshot = await widget(page, '#host').root.ariaSnapshot();
        const texts = sides(lang);
        expect(texts).toHaveLength(17);
        for (const { before, after } of texts) {
          expect(snapshot.includes(before)).toBe(side === 'front');
          expect(snapshot.includes(after)).toBe(side === 'back');
        }
      });
    }
  }

  test('a polite live region says where the visitor is, and on which side', async ({ page }) => {
    await mountIn(page, { lang: 'vi', view: 'deck', theme: 'light', side: 'front' });
    const w = widget(page, '#host');
    const live = page.locator('#host [aria-live="polite"]');
    await expect(live).toHaveAttribute('aria-atomic', 'true');
    await w.next.click();
    await expect(live).toHaveText('Thẻ 4/17, mặt Ứng dụng CNTT');
    await w.card().click();
    await expect(live).toHaveText('Thẻ 4/17, mặt Chuyển đổi số');
    await w.button('English').click();
    await expect(live).toHaveText('Card 4/17, Digital transformation side');
  });

  test('lang follows the language, and the language buttons name their own', async ({ page }) => {
    await mountIn(page, { lang: 'en', view: 'deck', theme: 'light', side: 'front' });
    const w = widget(page, '#host');
    await expect(w.root).toHaveAttribute('lang', 'en');
    await expect(page.locator('#host button[lang="vi"]')).toHaveText('Tiếng Việt');
    await expect(page.locator('#host button[lang="en"]')).toHaveText('English');
  });
});

test.describe('keyboard', () => {
  test('the focus ring is visible on every control', async ({ page }) => {
    await mountIn(page, { lang: 'vi', view: 'deck', theme: 'light', side: 'front' });
    await page.locator('body').press('Tab');
    const rings: string[] = [];
    for (let i = 0; i < 25; i++) {
      const ring = await page.evaluate(() => {
        const active = document.getElementById('host')!.shadowRoot!.activeElement as HTMLElement | null;
        if (!active) return null;
        const style = getComputedStyle(active);
        return `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`;
      });
      if (ring) rings.push(ring);
      await page.keyboard.press('Tab');
    }
    expect(rings.length).toBeGreaterThan(20);
    for (const ring of rings) expect(ring).toBe('solid 3px rgb(11, 87, 208)');
  });
});

test.describe('no keyboard trap', () => {
  test('Tab and Shift+Tab both leave the widget', async ({ page }) => {
    await page.goto(hostPage('calm'));
    await ready(page, '#widget');
    const where = () =>
      page.evaluate(() => {
        const host = document.getElementById('widget')!;
        return document.activeElement === host ? 'widget' : document.activeElement?.id || document.activeElement?.tagName;
      });
    await page.locator('#host-button').focus();
    const seen = new Set<string | undefined>();
    for (let i = 0; i < 40 && (await where()) !== 'BODY'; i++) {
      await page.keyboard.press('Tab');
      seen.add(await where());
    }
    expect(seen.has('widget')).toBe(true);
    expect(await where()).toBe('BODY');
    // And back: Shift+Tab walks out the other way to the host's button.
    for (let i = 0; i < 40 && (await where()) !== 'host-button'; i++) await page.keyboard.press('Shift+Tab');
    expect(await where()).toBe('host-button');
  });
});

test.describe('motion', () => {
  test('with reduced motion the faces cross-fade: no 3D turn', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await mountIn(page, { lang: 'vi', view: 'deck', theme: 'light', side: 'front' });
    const w = widget(page, '#host');
    await w.card().click();
    const card = w.card(3);
    await expect(card.locator('.cds17-card-inner')).toHaveCSS('transform', 'none');
    await expect(card.locator('.cds17-face-after')).toHaveCSS('transform', 'none');
    await expect(card.locator('.cds17-face-before')).toHaveCSS('opacity', '0');
    await expect(card.locator('.cds17-face-before')).toHaveCSS('visibility', 'hidden');
    await expect(card.locator('.cds17-face-after')).toHaveCSS('opacity', '1');
  });

  test('without it, the card turns, and the face turned away is hidden once the turn ends', async ({ page }) => {
    await mountIn(page, { lang: 'vi', view: 'deck', theme: 'light', side: 'front' });
    const w = widget(page, '#host');
    // Read in the page, a frame after the click: a round trip from here
    // may come after the 0.6 s turn on a busy machine.
    const duringTheTurn = await page.evaluate(async () => {
      const shadow = document.getElementById('host')!.shadowRoot!;
      (shadow.querySelector('.cds17-slot[data-shown="true"] .cds17-card') as HTMLElement).click();
      await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
      const face = shadow.querySelector('.cds17-card[data-card="3"] .cds17-face-before')!;
      return [face.hasAttribute('inert'), getComputedStyle(face).visibility];
    });
    expect(duringTheTurn).toEqual([true, 'visible']);
    const before = w.card(3).locator('.cds17-face-before');
    await expect(before).toHaveCSS('visibility', 'hidden');
    await expect(w.card(3).locator('.cds17-card-inner')).toHaveCSS('transform', /^matrix3d\(-1, /);
  });
});

test.describe('forced colours', () => {
  test('every control keeps a visible edge', async ({ page }) => {
    await page.emulateMedia({ forcedColors: 'active' });
    await mountIn(page, { lang: 'vi', view: 'deck', theme: 'light', side: 'front' });
    const edges = await page.evaluate(() => {
      const shadow = document.getElementById('host')!.shadowRoot!;
      const controls = [
        ...shadow.querySelectorAll('.cds17-slot[data-shown="true"] button, .cds17-nav button, .cds17-toolbar button, .cds17-copy'),
      ] as HTMLElement[];
      return controls.map((control) => {
        const style = getComputedStyle(control);
        const edged = style.borderTopStyle !== 'none' && parseFloat(style.borderTopWidth) > 0;
        const filled = style.backgroundColor !== getComputedStyle(control.parentElement!).backgroundColor;
        return `${control.className || control.textContent}: ${edged || filled}`;
      });
    });
    expect(edges.length).toBeGreaterThan(20);
    expect(edges.filter((edge) => edge.endsWith('false'))).toEqual([]);
    await page.locator('#host .cds17-root').screenshot({ path: 'target/screenshots/forced-colours.png' });
  });
});

test.describe('size and reflow', () => {
  for (const width of [320, 640]) {
    test(`at ${width}px (${width === 320 ? '400%' : '200%'} zoom of a 1280px window) nothing is cut off`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      for (const view of ['deck', 'grid'] as const) {
        for (const lang of ['vi', 'en'] as const) {
          await mountIn(page, { lang, view, theme: 'light', side: 'front' });
          const overflow = await page.evaluate(() => {
            const shadow = document.getElementById('host')!.shadowRoot!;
            const root = shadow.querySelector('.cds17-root')!.getBoundingClientRect();
            const problems: string[] = [];
            if (document.documentElement.scrollWidth > innerWidth) problems.push('the page scrolls sideways');
            for (const element of shadow.querySelectorAll('.cds17-root *')) {
              const box = element.getBoundingClientRect();
              if (box.width === 0 || getComputedStyle(element).visibility === 'hidden') continue;
              if (element.closest('.cds17-visually-hidden')) continue;
              if (box.left < root.left - 0.5 || box.right > root.right + 0.5) {
                problems.push(`${element.className || element.tagName} sticks out`);
              }
              const html = element as HTMLElement;
              if (html.scrollWidth > html.clientWidth + 1 && getComputedStyle(element).overflow !== 'visible') {
                problems.push(`${element.className || element.tagName} clips its content`);
              }
            }
            return problems;
          });
          expect(overflow, `${view} ${lang}`).toEqual([]);
        }
      }
    });
  }

  test('in a 300px sidebar it still fits', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(hostPage('sidebar'));
    await ready(page, '#widget');
    const widths = await page.evaluate(() => {
      const shadow = document.getElementById('widget')!.shadowRoot!;
      const root = shadow.querySelector('.cds17-root') as HTMLElement;
      return { root: root.getBoundingClientRect().width, scroll: root.scrollWidth, client: root.clientWidth };
    });
    expect(widths.root).toBeLessThanOrEqual(300);
    expect(widths.scroll).toBeLessThanOrEqual(widths.client);
    await page.locator('#widget').screenshot({ path: 'target/screenshots/sidebar-300.png' });
  });

  test('every tap target is at least 24 by 24 CSS pixels', async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    for (const view of ['deck', 'grid'] as const) {
      await mountIn(page, { lang: 'vi', view, theme: 'light', side: 'front' });
      const small = await page.evaluate(() => {
        const shadow = document.getElementById('host')!.shadowRoot!;
        return ([...shadow.querySelectorAll('button')] as HTMLElement[])
          .filter((button) => button.getClientRects().length > 0 && getComputedStyle(button).visibility !== 'hidden')
          .map((button) => ({ name: button.textContent, box: button.getBoundingClientRect() }))
          .filter(({ box }) => box.width < 24 || box.height < 24)
          .map(({ name, box }) => `${name}: ${box.width}×${box.height}`);
      });
      expect(small, view).toEqual([]);
    }
  });

  test('a card is as tall as its longer face, so a flip never changes its height', async ({ page }) => {
    await mountIn(page, { lang: 'en', view: 'grid', theme: 'light', side: 'front' });
    const cards = page.locator('#host .cds17-card');
    const before = await cards.evaluateAll((all) => all.map((card) => card.getBoundingClientRect().height));
    for (const button of await page.locator('#host .cds17-flip').all()) await button.click();
    await page.waitForTimeout(700);
    const after = await cards.evaluateAll((all) => all.map((card) => card.getBoundingClientRect().height));
    expect(after).toEqual(before);
    const clipped = await page.evaluate(() =>
      [...document.getElementById('host')!.shadowRoot!.querySelectorAll('.cds17-face')]
        .filter((face) => face.scrollHeight > face.clientHeight + 1)
        .map((face) => face.closest('.cds17-card')!.getAttribute('data-card')),
    );
    expect(clipped).toEqual([]);
  });
});

test.describe('print', () => {
  test('prints all 17 points, both sides, and the source, in black on white', async ({ page }) => {
    await page.goto(hostPage('one-tag'));
    await ready(page);
    // What must be on paper: every title and both texts, from the widget.
    const expected = await page.evaluate(() => {
      const shadow = document.querySelector('[data-cds17]')!.shadowRoot!;
      const texts = [...shadow.querySelectorAll('.cds17-face-before .cds17-title, .cds17-text')].map(
        (element) => element.textContent!,
      );
      return [...texts, shadow.querySelector('.cds17-source cite')!.textContent!];
    });
    expect(expected).toHaveLength(17 * 3 + 1);
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: 'target/screenshots/print.png', fullPage: true });
    const colours = await page.evaluate(() => {
      const shadow = document.querySelector('[data-cds17]')!.shadowRoot!;
      return [...shadow.querySelectorAll('.cds17-face')].map((face) => {
        const style = getComputedStyle(face);
        return `${style.color} on ${style.backgroundColor}`;
      });
    });
    expect(new Set(colours)).toEqual(new Set(['rgb(0, 0, 0) on rgba(0, 0, 0, 0)']));

    const pdf = path.resolve('target/e2e-results/print.pdf');
    fs.mkdirSync(path.dirname(pdf), { recursive: true });
    await page.pdf({ path: pdf, format: 'A4', printBackground: false });
    const printed = execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
    const flat = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim();
    const paper = flat(printed);
    const missing = expected.map(flat).filter((text) => !paper.includes(text));
    expect(missing).toEqual([]);
  });
});
