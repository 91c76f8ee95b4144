import fs from 'node:fs';
import path from 'node:path';
import { test, expect, countLayoutShifts, hostPage, holdBack, ready, WIDGET_BASE } from './fixtures';
import type { Page } from '@playwright/test';

// The self-check ("CNTT hay CĐS?"), end to end: the module fetched when it
// opens, a whole round, its events, a retry, the keyboard alone, a language
// switch in the middle, axe in each state, and paper.

type Side = 'before' | 'after';

/** Each statement's text, in both languages, and the side it came from: read from content/cards.toml. */
function statements(): Map<string, { card: number; side: Side }> {
  const toml = fs.readFileSync(path.resolve('content/cards.toml'), 'utf8');
  const found = new Map<string, { card: number; side: Side }>();
  let card = 0;
  let side: Side | null = null;
  for (const line of toml.split('\n')) {
    const number = /^number = (\d+)/.exec(line);
    if (number) card = Number(number[1]);
    if (line.startsWith('[[')) side = null;
    const said = /^side = "(before|after)"/.exec(line);
    if (said) side = said[1] as Side;
    const text = /^(vi|en) = "(.*)"$/.exec(line);
    if (side && text) found.set(JSON.parse(`"${text[2]}"`), { card, side });
  }
  return found;
}
const STATEMENTS = statements();

const host = '#host';
const quiz = `${host} .cds17-quiz`;

/** A widget on the API page, its events recorded in `window.told`. */
async function mount(page: Page, options: Record<string, string> = {}) {
  await page.goto(hostPage('api'));
  await page.evaluate(async (options) => {
    const element = document.getElementById('host')!;
    (window as any).told = [];
    for (const name of ['cds17:answer', 'cds17:quizend', 'cds17:change', 'cds17:flip']) {
      element.addEventListener(name, (event) => (window as any).told.push({ name, detail: (event as CustomEvent).detail }));
    }
    (window as any).handle = await (window as any).CDS17.mount(element, options);
  }, options);
  await ready(page, host);
}

async function told(page: Page, name?: string) {
  const all = await page.evaluate(() => (window as any).told.splice(0));
  return name ? all.filter((event: any) => event.name === name) : all;
}

/** The statement in view, and where it came from. */
async function asked(page: Page) {
  const text = (await page.locator(`${quiz} .cds17-statement`).innerText()).trim();
  const from = STATEMENTS.get(text);
  expect(from, `"${text}" is a statement of cards.toml`).toBeTruthy();
  return { text, ...from! };
}

const answerButton = (page: Page, side: Side) =>
  page.locator(`${quiz} .cds17-answer-${side}`);

/** Answers the statement in view, right or wrong; returns what it asked. */
async function answer(page: Page, right: boolean) {
  const question = await asked(page);
  const chosen: Side = right === (question.side === 'after') ? 'after' : 'before';
  await answerButton(page, chosen).click();
  await expect(page.locator(`${quiz} .cds17-feedback`)).toBeVisible();
  return { ...question, chosen };
}

test.describe('self-check', () => {
  test('a deck visitor never downloads it; opening it from the toolbar fetches the module once', async ({ page }) => {
    const fetched: string[] = [];
    page.on('request', (request) => fetched.push(request.url()));
    await mount(page);
    expect(fetched.filter((url) => url.includes('cds17.quiz.'))).toEqual([]);
    await page.locator(host).getByRole('button', { name: 'Tự kiểm tra' }).click();
    await expect(page.locator(`${quiz} .cds17-quiz-progress`)).toHaveText('Câu 1/10');
    await expect(page.locator(`${host} .cds17-cards`)).toBeHidden();
    await page.locator(host).getByRole('button', { name: 'Từng thẻ' }).click();
    await expect(page.locator(`${host} .cds17-cards`)).toBeVisible();
    await page.locator(host).getByRole('button', { name: 'Tự kiểm tra' }).click();
    await expect(page.locator(`${quiz}`)).toBeVisible();
    const module = fetched.filter((url) => url.includes('cds17.quiz.'));
    expect(module).toHaveLength(1);
    expect(module[0]).toMatch(/cds17\.quiz\.[0-9a-f]{10}\.wasm$/);
  });

  test('a round answered all right: ten cards, both sides, told in words, 10/10 and nothing to look at again', async ({ page }) => {
    await mount(page, { view: 'quiz' });
    const cards = new Set<number>();
    const sides = new Set<Side>();
    for (let question = 1; question <= 10; question++) {
      await expect(page.locator(`${quiz} .cds17-quiz-progress`)).toHaveText(`Câu ${question}/10`);
      const given = await answer(page, true);
      cards.add(given.card);
      sides.add(given.side);
      const label = given.side === 'after' ? 'Chuyển đổi số' : 'Ứng dụng CNTT';
      await expect(page.locator(`${quiz} .cds17-verdict`)).toHaveText(`Đúng. Ý này nói về: ${label}`);
      // The card it came from, turned to that side, with its own words.
      const face = page.locator(`${quiz} .cds17-feedback .cds17-face`);
      await expect(face.locator('.cds17-number')).toHaveText(String(given.card));
      await expect(face).toHaveClass(given.side === 'after' ? /cds17-face-after/ : /cds17-face-before/);
      await page.locator(`${quiz} .cds17-quiz-next`).click();
    }
    expect(cards.size).toBe(10);
    expect([...sides].sort()).toEqual(['after', 'before']);
    await expect(page.locator(`${quiz} .cds17-quiz-score`)).toHaveText('10/10');
    await expect(page.locator(`${quiz} .cds17-review li:visible`)).toHaveCount(0);
    await expect(page.locator(quiz)).toContainText('Bạn đã trả lời đúng tất cả.');
    const answers = await told(page, 'cds17:answer');
    expect(answers).toHaveLength(10);
    for (const event of answers) expect(event.detail.correct).toBe(true);
    expect(await page.evaluate(() => (window as any).told)).toEqual([]);
  });

  test('a round with mistakes: the events and their details, the score, the cards to look at again, and a retry', async ({ page }) => {
    await mount(page, { view: 'quiz' });
    const given = [];
    for (let question = 1; question <= 10; question++) {
      const right = question % 3 !== 0;
      given.push(await answer(page, right));
      // Each click after the first changes nothing: one answer per statement.
      await answerButton(page, 'before').dispatchEvent('click');
      if (!right) await expect(page.locator(`${quiz} .cds17-verdict`)).toContainText('Chưa đúng.');
      await page.locator(`${quiz} .cds17-quiz-next`).click();
    }
    const events = await told(page);
    expect(events.map((event: any) => event.name)).toEqual([...Array(10).fill('cds17:answer'), 'cds17:quizend']);
    events.slice(0, 10).forEach((event: any, i: number) => {
      expect(event.detail).toEqual({
        card: given[i].card,
        side: given[i].side,
        chosen: given[i].chosen,
        correct: given[i].side === given[i].chosen,
      });
    });
    expect(events[10].detail).toEqual({ score: 7, total: 10 });
    await expect(page.locator(`${quiz} .cds17-quiz-score`)).toHaveText('7/10');
    const missed = given.filter((g) => g.side !== g.chosen);
    const review = page.locator(`${quiz} .cds17-review li:visible .cds17-review-card`);
    await expect(review).toHaveCount(3);
    const listed = (await review.locator('.cds17-number').allInnerTexts()).map(Number);
    expect(listed).toEqual(missed.map((g) => g.card).sort((a, b) => a - b));

    // Each is a way into the deck at that card, turned to the side asked.
    const first = missed.find((g) => g.card === listed[0])!;
    await review.first().click();
    await expect(page.locator(`${host} .cds17-root`)).toHaveAttribute('data-view', 'deck');
    const card = page.locator(`${host} .cds17-card[data-card="${first.card}"]`);
    await expect(card).toBeVisible();
    await expect(card).toHaveAttribute('data-flipped', first.side === 'after' ? 'true' : 'false');
    await expect(card.locator('.cds17-flip')).toBeFocused();

    // Back to the self-check: the result is still there; "Làm lại" draws another round.
    await page.locator(host).getByRole('button', { name: 'Tự kiểm tra' }).click();
    await expect(page.locator(`${quiz} .cds17-quiz-score`)).toHaveText('7/10');
    await page.locator(`${quiz} .cds17-quiz-retry`).click();
    await expect(page.locator(`${quiz} .cds17-quiz-progress`)).toHaveText('Câu 1/10');
    await expect(page.locator(`${quiz} .cds17-statement`)).toBeFocused();
    const order = [];
    for (let question = 1; question <= 10; question++) {
      const asking = await asked(page);
      order.push(`${asking.card}${asking.side}`);
      await answer(page, true);
      await page.locator(`${quiz} .cds17-quiz-next`).click();
    }
    expect(order).not.toEqual(given.map((g) => `${g.card}${g.side}`));
    const ended = await told(page, 'cds17:quizend');
    expect(ended.map((event: any) => event.detail)).toEqual([{ score: 10, total: 10 }]);
  });

  test('the keyboard alone: 1 and 2 answer, focus goes to the feedback and then to the next statement', async ({ page }) => {
    await mount(page);
    const toolbarButton = page.locator(host).getByRole('button', { name: 'Tự kiểm tra' });
    await toolbarButton.focus();
    await page.keyboard.press('Enter');
    await expect(page.locator(`${quiz} .cds17-quiz-progress`)).toHaveText('Câu 1/10');
    // Into the self-check with Tab, past Present: the answers, and then the keys.
    await page.keyboard.press('Tab');
    await expect(page.locator(`${host} .cds17-tools button`)).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(answerButton(page, 'before')).toBeFocused();
    for (let question = 1; question <= 10; question++) {
      const asking = await asked(page);
      await page.keyboard.press(asking.side === 'after' ? '2' : '1');
      await expect(page.locator(`${quiz} .cds17-feedback`)).toBeFocused();
      await expect(page.locator(`${quiz} .cds17-verdict`)).toContainText('Đúng.');
      await page.locator(`${quiz} .cds17-quiz-next`).focus();
      await page.keyboard.press('Enter');
      if (question < 10) await expect(page.locator(`${quiz} .cds17-statement`)).toBeFocused();
    }
    await expect(page.locator(`${quiz} .cds17-quiz-end`)).toBeFocused();
    await expect(page.locator(`${quiz} .cds17-quiz-score`)).toHaveText('10/10');
    // The arrow keys stay the page's in the self-check: the deck behind does not move.
    await page.keyboard.press('ArrowRight');
    expect(await told(page, 'cds17:change')).toEqual([]);
  });

  test('the live region says "Câu 3/10", then the feedback in words', async ({ page }) => {
    await mount(page, { view: 'quiz' });
    const live = page.locator(`${quiz} [aria-live="polite"]`);
    await expect(live).toHaveText('Câu 1/10');
    const given = await answer(page, false);
    const label = given.side === 'after' ? 'Chuyển đổi số' : 'Ứng dụng CNTT';
    await expect(live).toHaveText(`Chưa đúng. Ý này nói về: ${label}`);
    await page.locator(`${quiz} .cds17-quiz-next`).click();
    await expect(live).toHaveText('Câu 2/10');
  });

  test('switching the language in the middle of a round keeps the round and its score', async ({ page }) => {
    await mount(page, { view: 'quiz' });
    await answer(page, true);
    await page.locator(`${quiz} .cds17-quiz-next`).click();
    await answer(page, false);
    await page.locator(`${quiz} .cds17-quiz-next`).click();
    const third = await asked(page);
    await page.locator(host).getByRole('button', { name: 'English' }).click();
    await expect(page.locator(`${quiz} .cds17-quiz-progress`)).toHaveText('Question 3/10');
    const inEnglish = await asked(page);
    expect([inEnglish.card, inEnglish.side]).toEqual([third.card, third.side]);
    expect(inEnglish.text).not.toEqual(third.text);
    await expect(answerButton(page, 'before')).toContainText('Applying IT');
    for (let question = 3; question <= 10; question++) {
      await answer(page, true);
      await expect(page.locator(`${quiz} .cds17-verdict`)).toContainText('Right.');
      await page.locator(`${quiz} .cds17-quiz-next`).click();
    }
    await expect(page.locator(`${quiz} .cds17-quiz-score`)).toHaveText('9/10');
    const ended = await told(page, 'cds17:quizend');
    expect(ended.map((event: any) => event.detail)).toEqual([{ score: 9, total: 10 }]);
  });

  test('setView() takes all three views, and tells off anything else', async ({ page, warnings }) => {
    await mount(page);
    const view = () => page.locator(`${host} .cds17-root`).getAttribute('data-view');
    for (const name of ['quiz', 'grid', 'deck', 'quiz']) {
      await page.evaluate((name) => (window as any).handle.setView(name), name);
      await expect.poll(view).toBe(name);
    }
    await expect(page.locator(`${quiz} .cds17-statement`)).toBeVisible();
    await page.evaluate(() => (window as any).handle.setView('slides'));
    await expect.poll(view).toBe('quiz');
    expect(warnings.join('\n')).toContain("setView() takes 'deck', 'grid' or 'quiz'");
  });

  test('#cds17-quiz opens the self-check in the widget that follows the page\'s address', async ({ page }) => {
    await page.goto(hostPage('one-tag', '#cds17-quiz'));
    await expect(page.locator('[data-cds17] .cds17-quiz .cds17-statement')).toBeVisible();
    await expect(page.locator('[data-cds17] .cds17-root')).toHaveAttribute('data-view', 'quiz');
  });

  test('embed.html?view=quiz opens the self-check', async ({ page }) => {
    await page.goto(`${WIDGET_BASE}/embed.html?view=quiz&lang=en`);
    await expect(page.locator('.cds17-quiz .cds17-quiz-progress')).toHaveText('Question 1/10');
  });

  test('at 320 px it fits, and with reduced motion nothing moves (a fade stays)', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await mount(page, { view: 'quiz' });
    await answer(page, false);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
    const moving = await page.locator(host).evaluate((element) =>
      [...element.shadowRoot!.querySelectorAll('.cds17-quiz, .cds17-quiz *')].filter((node) => {
        const style = getComputedStyle(node);
        const moves = /transform|all|translate|scale|rotate/.test(style.transitionProperty);
        return (moves && parseFloat(style.transitionDuration) > 0.01) || style.animationName !== 'none';
      }).length,
    );
    expect(moving).toBe(0);
    await page.locator(host).screenshot({ path: 'target/screenshots/quiz-feedback-320.png' });
  });

  test('printing the self-check prints the 17 cards', async ({ page }) => {
    await mount(page, { view: 'quiz' });
    await expect(page.locator(`${quiz} .cds17-statement`)).toBeVisible();
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator(quiz)).toBeHidden();
    for (const number of [1, 9, 17]) {
      await expect(page.locator(`${host} .cds17-card[data-card="${number}"]`)).toBeVisible();
    }
  });
});

test('self-check screenshots at 360 px (vi) and 1280 px (en), to look at', async ({ page }) => {
  for (const [width, lang] of [[360, 'vi'], [1280, 'en']] as const) {
    await page.setViewportSize({ width, height: 900 });
    await mount(page, { view: 'quiz', lang });
    await page.locator(host).screenshot({ path: `target/screenshots/quiz-question-${width}.png` });
    await answer(page, false);
    await page.locator(host).screenshot({ path: `target/screenshots/quiz-feedback-${width}.png` });
    for (let question = 1; question <= 10; question++) {
      if (question > 1) await answer(page, question % 4 !== 0);
      await page.locator(`${quiz} .cds17-quiz-next`).click();
    }
    await expect(page.locator(`${quiz} .cds17-quiz-end`)).toBeVisible();
    await page.locator(host).screenshot({ path: `target/screenshots/quiz-result-${width}.png` });
  }
});

for (const [width, height] of [
  [412, 823],
  [1350, 940],
] as const) {
  test(`at ${width}px, a widget that opens in the self-check (#cds17-quiz) holds its height while it loads: nothing moves`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    const release = await holdBack(page, '**/cds17*.js');
    await page.goto(hostPage('recommended', '#cds17-quiz'), { waitUntil: 'commit' });
    await expect(page.locator('#below')).toBeVisible();
    const shifts = await countLayoutShifts(page);
    release();
    await expect(page.locator('[data-cds17] .cds17-quiz .cds17-statement')).toBeVisible();
    await page.waitForTimeout(300);
    expect(await shifts()).toBe(0);
  });
}

// The self-check module, its stylesheet and its view under the strictest
// policies the widget supports: no violation, and it is styled.
for (const name of ['csp-strict', 'trusted-types']) {
  test(`under ${name}, the self-check opens, styled, and a round goes on with no violation`, async ({ page }) => {
    await page.goto(hostPage(name));
    await ready(page, '#widget');
    await page.locator('#widget').getByRole('button', { name: 'Tự kiểm tra' }).click();
    const statement = page.locator('#widget .cds17-quiz .cds17-statement');
    await expect(statement).toBeVisible();
    await expect(statement).toHaveCSS('border-top-style', 'solid');
    await page.locator('#widget .cds17-answer-after').click();
    await expect(page.locator('#widget .cds17-feedback')).toBeVisible();
    await page.locator('#widget .cds17-quiz-next').click();
    await expect(page.locator('#widget .cds17-quiz-progress')).toHaveText('Câu 2/10');
    await page.locator('#widget').getByRole('button', { name: 'English' }).click();
    await expect(page.locator('#widget .cds17-quiz-progress')).toHaveText('Question 2/10');
    expect(await page.evaluate(() => (window as any).violations)).toEqual([]);
  });
}

test.describe('when the self-check module cannot come', () => {
  test.use({ expectedProblems: /Failed to load resource: net::ERR_FAILED|SRI's integrity checks failed|Failed to find a valid digest/ });

  test('a module refused (or altered on the way) leaves no empty view: the widget goes back to its cards, says why once, and tries again next time', async ({ page, warnings }) => {
    let refuse = true;
    await page.route('**/cds17.quiz.*.wasm', (route) => (refuse ? route.abort() : route.continue()));
    await mount(page);
    const selfCheck = page.locator(host).getByRole('button', { name: 'Tự kiểm tra' });
    await selfCheck.click();
    await expect(page.locator(`${host} .cds17-root`)).toHaveAttribute('data-view', 'deck');
    await expect(page.locator(`${host} .cds17-cards`)).toBeVisible();
    await expect.poll(() => warnings.filter((w) => w.includes('the self-check could not be loaded')).length).toBe(1);
    refuse = false;
    await selfCheck.click();
    await expect(page.locator(`${quiz} .cds17-statement`)).toBeVisible();
  });
});
