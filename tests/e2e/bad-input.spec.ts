import { test, expect, hostPage, widget, ready } from './fixtures';
import type { Page } from '@playwright/test';

// Every option, given every kind of bad value, three ways: a data attribute,
// the options object of CDS17.mount, and #cds17-… in the URL. Each must give
// one clear warning (naming the option, the value and the default), the
// default, and never an exception. Text never becomes HTML.

const HUGE = '9'.repeat(100_000);
const BAD_TEXT = [
  '',
  'unknown',
  HUGE,
  '-3',
  '0',
  '18',
  'abc',
  'thẻ năm ٥ 🇻🇳',
  '<img src=x onerror="window.pwned=1">',
  '<script>window.pwned=1</script>',
];

const DEFAULTS: Record<string, { check: (page: Page) => Promise<void>; default: string }> = {
  lang: {
    default: 'vi',
    check: async (page) => expect(widget(page, '#host').root).toHaveAttribute('lang', 'vi'),
  },
  card: {
    default: '1',
    check: async (page) => expect(widget(page, '#host').card()).toHaveAttribute('data-card', '1'),
  },
  view: {
    default: 'deck',
    check: async (page) => expect(widget(page, '#host').root).toHaveAttribute('data-view', 'deck'),
  },
  theme: {
    default: 'light',
    check: async (page) => expect(widget(page, '#host').root).toHaveAttribute('data-theme', 'light'),
  },
  deeplink: {
    default: 'on for the first widget on the page',
    check: async (page) => {
      // The default for the only widget on the page: on.
      await widget(page, '#host').next.click();
      await expect.poll(() => new URL(page.url()).hash).toBe('#cds17-2');
    },
  },
  heading: {
    default: 'on',
    check: async (page) => expect(page.locator('#host .cds17-heading')).toBeVisible(),
  },
};

/** Mounts on #host with `attributes` set and `options` passed, both in the page. */
async function mountWith(page: Page, attributes: Record<string, string>, options?: unknown) {
  await page.goto(hostPage('api'));
  await page.evaluate(
    async ({ attributes, options, optionsIsUndefined }) => {
      const host = document.getElementById('host')!;
      for (const [name, value] of Object.entries(attributes)) host.setAttribute(name, value);
      await (window as any).CDS17.mount(host, optionsIsUndefined ? undefined : options);
    },
    { attributes, options, optionsIsUndefined: options === undefined },
  );
  await ready(page, '#host');
}

async function expectNothingBecameHtml(page: Page) {
  const found = await page.evaluate(() => ({
    pwned: (window as any).pwned ?? null,
    elements: document.getElementById('host')!.shadowRoot!.querySelectorAll('img, script').length,
  }));
  expect(found).toEqual({ pwned: null, elements: 0 });
}

const ours = (warnings: string[]) => warnings.filter((warning) => warning.startsWith('cds17:'));

test.describe('bad values in data attributes', () => {
  for (const option of Object.keys(DEFAULTS)) {
    test(`data-${option}: one warning and the default for each bad value`, async ({ page, warnings }) => {
      for (const value of BAD_TEXT) {
        warnings.length = 0;
        await mountWith(page, { [`data-${option}`]: value });
        await DEFAULTS[option].check(page);
        const said = ours(warnings);
        expect(said, `data-${option}="${value.slice(0, 20)}"`).toHaveLength(1);
        expect(said[0]).toContain(`data-${option}`);
        expect(said[0]).toContain(`using the default: ${DEFAULTS[option].default}`);
        expect(said[0].length).toBeLessThan(300);
        if (value && value !== HUGE) expect(said[0]).toContain(value);
        await expectNothingBecameHtml(page);
      }
    });
  }
});

test.describe('bad values in the options object of CDS17.mount', () => {
  const values: Array<[string, string]> = [
    ['-3', '-3'],
    ['0', '0'],
    ['18', '18'],
    ['3.5', '3.5'],
    ['NaN', 'NaN'],
    ['Infinity', 'Infinity'],
    ['true', 'true'],
    ['{}', '{}'],
    ['[]', '[]'],
    ['function', '() => 1'],
    ['symbol', "Symbol('x')"],
    ['huge text', `'${HUGE}'`],
    ['html', `'<img src=x onerror="window.pwned=1">'`],
  ];
  for (const option of Object.keys(DEFAULTS)) {
    test(`${option}: one warning and the default for each bad value`, async ({ page, warnings }) => {
      for (const [label, source] of values) {
        // `true` is a fine value for deeplink and heading, and whole numbers 1..17 for card.
        if ((option === 'deeplink' || option === 'heading') && label === 'true') continue;
        warnings.length = 0;
        await page.goto(hostPage('api'));
        await page.evaluate(
          async ({ option, source }) => {
            const value = new Function(`return (${source});`)();
            await (window as any).CDS17.mount(document.getElementById('host'), { [option]: value });
          },
          { option, source },
        );
        await ready(page, '#host');
        await DEFAULTS[option].check(page);
        const said = ours(warnings);
        expect(said, `${option}: ${label}`).toHaveLength(1);
        expect(said[0]).toContain(`option ${option}`);
        expect(said[0]).toContain(`using the default: ${DEFAULTS[option].default}`);
        await expectNothingBecameHtml(page);
      }
    });
  }

  test('good values of every type are taken without a word', async ({ page, warnings }) => {
    await mountWith(page, {}, { lang: 'EN', card: '07', view: 'grid', theme: 'dark', deeplink: 'off' });
    await expect(widget(page, '#host').root).toHaveAttribute('lang', 'en');
    await expect(widget(page, '#host').root).toHaveAttribute('data-view', 'grid');
    expect(ours(warnings)).toEqual([]);
    await mountWith(page, {}, { card: 12, deeplink: false, lang: null, theme: undefined });
    await expect(widget(page, '#host').card(12)).toBeVisible();
    expect(ours(warnings)).toEqual([]);
  });

  test('options that are not an object: one warning, the defaults', async ({ page, warnings }) => {
    for (const source of ["'grid'", '42', '[1, 2]', 'true']) {
      warnings.length = 0;
      await page.goto(hostPage('api'));
      await page.evaluate(async (source) => {
        await (window as any).CDS17.mount(document.getElementById('host'), new Function(`return (${source});`)());
      }, source);
      await ready(page, '#host');
      expect(ours(warnings), source).toHaveLength(1);
      expect(ours(warnings)[0]).toContain('should be an object');
    }
  });

  test('handle methods given bad values warn and change nothing', async ({ page, warnings }) => {
    await mountWith(page, {}, { card: 4 });
    warnings.length = 0;
    await page.evaluate(async () => {
      const handle = await (window as any).CDS17.mount(document.getElementById('host'));
      for (const bad of [0, 18, -1, 2.5, 'x', null, undefined, {}, '<b>9</b>']) handle.goTo(bad);
      for (const bad of ['fr', '', 3, null, {}]) handle.setLang(bad);
    });
    await expect(widget(page, '#host').card()).toHaveAttribute('data-card', '4');
    await expect(widget(page, '#host').root).toHaveAttribute('lang', 'vi');
    expect(ours(warnings)).toHaveLength(14);
  });
});

test.describe('bad deep links', () => {
  const hashes = [
    '#cds17-',
    '#cds17-0',
    '#cds17-18',
    '#cds17--3',
    '#cds17-abc',
    '#cds17-7x',
    '#cds17-%3Cscript%3Ewindow.pwned%3D1%3C%2Fscript%3E',
    `#cds17-${'9'.repeat(5000)}`,
    '#cds17-%D9%A3',
  ];

  test('in the URL: one warning each, and the first card', async ({ page, warnings }) => {
    for (const [index, hash] of hashes.entries()) {
      warnings.length = 0;
      // A new query each time: a change of hash alone would not reload.
      await page.goto(hostPage('api', `?visit=${index}${hash}`));
      await page.evaluate(() => (window as any).CDS17.mount(document.getElementById('host')));
      await ready(page, '#host');
      await expect(widget(page, '#host').card()).toHaveAttribute('data-card', '1');
      const said = ours(warnings);
      expect(said, hash.slice(0, 30)).toHaveLength(1);
      expect(said[0]).toContain('does not name a card from 1 to 17');
      expect(said[0].length).toBeLessThan(300);
      await expectNothingBecameHtml(page);
    }
  });

  test('on hashchange: one warning each, and the card stays', async ({ page, warnings }) => {
    await page.goto(hostPage('api'));
    await page.evaluate(() => (window as any).CDS17.mount(document.getElementById('host'), { card: 6 }));
    await ready(page, '#host');
    for (const hash of hashes) {
      warnings.length = 0;
      await page.evaluate((hash) => (location.hash = hash), hash);
      await expect.poll(() => ours(warnings).length, hash.slice(0, 30)).toBe(1);
      await expect(widget(page, '#host').card()).toHaveAttribute('data-card', '6');
    }
    // The host's own anchors are none of our business: no warning.
    warnings.length = 0;
    await page.evaluate(() => (location.hash = '#tin-tuc'));
    await page.waitForTimeout(200);
    expect(ours(warnings)).toEqual([]);
  });
});
