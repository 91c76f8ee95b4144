// www/options.js alone, in Node: how the loader reads what a webmaster
// wrote. `cargo xtask test` runs it (node --test tests/js/).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readOptions, cardFromHash, cardOf, langOf, viewOf, cutShort, QUIZ_HASH } from '../../www/options.js';

const NAMES = ['lang', 'card', 'view', 'theme', 'deeplink', 'heading'];

/** Reads options given as attributes, a query and a script object; returns what was read and said. */
function read({ attributes = {}, query = null, script = undefined } = {}) {
  const said = [];
  const element = { getAttribute: (name) => (name in attributes ? attributes[name] : null) };
  const options = readOptions(element, query, script, (head, value, tail) => said.push([head, value, tail]));
  return { options, said };
}

const DEFAULTS = { lang: 0, card: 1, view: 0, theme: 0, deeplink: null, heading: true };

test('no options give the defaults and no warning', () => {
  assert.deepEqual(read(), { options: DEFAULTS, said: [] });
});

test('every documented value is taken', () => {
  const { options, said } = read({
    attributes: { 'data-lang': 'en', 'data-card': '17', 'data-view': 'grid', 'data-theme': 'auto', 'data-deeplink': 'off', 'data-heading': 'off' },
  });
  assert.deepEqual(said, []);
  assert.deepEqual(options, { lang: 1, card: 17, view: 1, theme: 2, deeplink: false, heading: false });
});

test('the self-check is a view like the others: data-view="quiz", and setView() reads the same words', () => {
  const { options, said } = read({ attributes: { 'data-view': 'quiz' } });
  assert.deepEqual(said, []);
  assert.equal(options.view, 2);
  assert.deepEqual(['deck', 'grid', 'quiz', ' QUIZ ', 'slides', 2, null].map(viewOf), [0, 1, 2, 2, -1, -1, -1]);
});

test('the heading may be turned off by attribute, query or script, as on or off or a boolean', () => {
  assert.equal(read({ attributes: { 'data-heading': ' OFF ' } }).options.heading, false);
  assert.equal(read({ query: { heading: 'off' } }).options.heading, false);
  assert.equal(read({ script: { heading: false } }).options.heading, false);
  assert.equal(read({ attributes: { 'data-heading': 'off' }, script: { heading: 'on' } }).options.heading, true);
});

test('case and surrounding spaces are forgiven', () => {
  const { options, said } = read({
    attributes: { 'data-lang': ' EN-us ', 'data-view': 'Grid', 'data-theme': 'DARK ', 'data-card': ' 07 ' },
  });
  assert.deepEqual(said, []);
  assert.deepEqual(options, { lang: 1, card: 7, view: 1, theme: 1, deeplink: null, heading: true });
});

test('a bad value falls back to the default with one warning naming the option, the value and the default', () => {
  for (const [name, bad, fallback] of [
    ['lang', 'fr', 'vi'],
    ['card', '18', '1'],
    ['card', '0', '1'],
    ['card', '-3', '1'],
    ['card', '3.5', '1'],
    ['card', '', '1'],
    ['card', '<script>alert(1)</script>', '1'],
    ['view', 'carousel', 'deck'],
    ['theme', 'sepia', 'light'],
    ['deeplink', 'yes', 'on for the first widget on the page, off for the others'],
    ['heading', 'hidden', 'on'],
  ]) {
    const { options, said } = read({ attributes: { [`data-${name}`]: bad } });
    assert.deepEqual(options, DEFAULTS, `${name}=${bad}`);
    assert.equal(said.length, 1, `${name}=${bad}`);
    assert.deepEqual(said[0], [`cds17: data-${name} =`, `"${bad}"`, `is not valid; using the default: ${fallback}`]);
  }
});

test('each source is named the way the webmaster wrote it', () => {
  assert.equal(read({ attributes: { 'data-card': 'x' } }).said[0][0], 'cds17: data-card =');
  assert.equal(read({ query: { card: 'x' } }).said[0][0], 'cds17: ?card =');
  assert.equal(read({ script: { card: 'x' } }).said[0][0], 'cds17: option card =');
});

test('script values may be numbers, numeric strings and booleans', () => {
  assert.deepEqual(read({ script: { card: 5, deeplink: false } }), { options: { ...DEFAULTS, card: 5, deeplink: false }, said: [] });
  assert.equal(read({ script: { card: '12' } }).options.card, 12);
  assert.deepEqual(read({ script: { lang: null, theme: undefined } }), { options: DEFAULTS, said: [] });
});

test('odd numbers and values of the wrong type warn, with the value itself', () => {
  for (const value of [0, 18, 2.5, NaN, Infinity, true, {}, [], () => 1, Symbol('x')]) {
    const { options, said } = read({ script: { card: value } });
    assert.equal(options.card, 1, String(value?.toString?.()));
    assert.equal(said.length, 1);
    assert.equal(said[0][1], value);
  }
  assert.equal(read({ script: { lang: 1 } }).said.length, 1);
});

test('later sources win: the options object over the query over the attributes', () => {
  const attributes = { 'data-card': '4', 'data-lang': 'en' };
  assert.deepEqual(read({ attributes, query: { card: '6' } }).options, { ...DEFAULTS, card: 6, lang: 1 });
  assert.deepEqual(read({ attributes, query: { card: '6' }, script: { card: 9 } }).options, { ...DEFAULTS, card: 9, lang: 1 });
  // A bad later value gives the default, and says so.
  const { options, said } = read({ attributes, script: { card: 'x' } });
  assert.equal(options.card, 1);
  assert.equal(said.length, 1);
});

test('options that are not an object: one warning, the defaults', () => {
  for (const script of ['grid', 42, [1, 2], true]) {
    const { options, said } = read({ script });
    assert.deepEqual(options, DEFAULTS);
    assert.equal(said.length, 1);
    assert.match(said[0][0], /should be an object/);
  }
});

test('unknown names are left to the host', () => {
  assert.deepEqual(read({ attributes: { 'data-cds17': '', 'data-tracking': 'x' } }), { options: DEFAULTS, said: [] });
});

test('a huge value is cut short in the warning, at a whole character', () => {
  const { said } = read({ attributes: { 'data-card': '9'.repeat(100_000) } });
  assert.equal(said[0][1], `"${'9'.repeat(60)}…"`);
  assert.equal(cutShort('Chuyển đổi số', 5), 'Chuyể…');
  assert.equal(cutShort('🇻🇳🇻🇳', 1), '🇻…');
  assert.equal(cutShort('số', 60), 'số');
});

test('card digits accept leading zeros and nothing else', () => {
  assert.equal(cardOf('007'), 7);
  assert.equal(cardOf('17'), 17);
  for (const bad of ['000', '1 7', '+7', '٧', '99999999999999999999', '7.0', '0x7']) assert.equal(cardOf(bad), 0, bad);
});

test('a language is its primary subtag', () => {
  assert.equal(langOf('vi-VN'), 0);
  assert.equal(langOf('en_GB'), 1);
  assert.equal(langOf('fr'), -1);
  assert.equal(langOf(1), -1);
});

test('#cds17-N names a card; other hashes are the host’s; ours with a bad number is invalid', () => {
  assert.equal(cardFromHash('#cds17-7'), 7);
  assert.equal(cardFromHash('#cds17-07'), 7);
  for (const hash of ['', '#', '#top', '#cds17', '#cds-7', '#CDS17-7', 'cds17-7']) assert.equal(cardFromHash(hash), 0, hash);
  // #cds17-quiz is ours, and names no card: it opens the self-check.
  assert.equal(QUIZ_HASH, '#cds17-quiz');
  assert.equal(cardFromHash(QUIZ_HASH), 0);
  for (const hash of ['#cds17-', '#cds17-0', '#cds17-18', '#cds17-abc', '#cds17--3', '#cds17-7x', '#cds17-%3Cscript%3E', '#cds17- 7']) {
    assert.equal(cardFromHash(hash), -1, hash);
  }
});

const anyValue = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.stringMatching(/^[0-9 +.-]{0,6}$/),
  fc.constantFrom('vi', 'EN', 'deck', 'Grid', 'light', 'dark', 'auto', 'on', 'OFF', ' 07 '),
  fc.double(),
  fc.integer({ min: -5, max: 25 }),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.object(),
);
const anySources = fc.record({
  attributes: fc.dictionary(fc.constantFrom(...NAMES.map((n) => `data-${n}`), 'data-x'), fc.string({ maxLength: 40 })),
  query: fc.option(fc.dictionary(fc.constantFrom(...NAMES), fc.string({ maxLength: 40 }))),
  script: fc.option(fc.dictionary(fc.constantFrom(...NAMES, 'x'), anyValue), { nil: undefined }),
});

test('any input gives valid options and at most one warning per value given', () => {
  fc.assert(
    fc.property(anySources, (sources) => {
      const { options, said } = read(sources);
      assert.ok(options.lang === 0 || options.lang === 1);
      assert.ok(Number.isInteger(options.card) && options.card >= 1 && options.card <= 17);
      assert.ok([0, 1].includes(options.view));
      assert.ok([0, 1, 2].includes(options.theme));
      assert.ok([true, false, null].includes(options.deeplink));
      assert.ok(options.heading === true || options.heading === false);
      const given =
        Object.keys(sources.attributes).filter((name) => name !== 'data-x').length +
        Object.keys(sources.query ?? {}).length +
        Object.entries(sources.script ?? {}).filter(([name, value]) => name !== 'x' && value != null).length;
      assert.ok(said.length <= given);
      for (const [, value] of said) if (typeof value === 'string') assert.ok(Array.from(value).length <= 63);
    }),
  );
});

test('a valid card number is taken without a word, however it is padded', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 17 }), fc.stringMatching(/^ {0,3}$/), fc.integer({ min: 0, max: 2 }), (card, spaces, zeros) => {
      const { options, said } = read({ attributes: { 'data-card': `${spaces}${'0'.repeat(zeros)}${card}${spaces}` } });
      assert.equal(options.card, card);
      assert.deepEqual(said, []);
    }),
  );
});

test('hash reading never throws and stays in range', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 300 }), (hash) => {
      const card = cardFromHash(hash);
      assert.ok(card === -1 || card === 0 || (card >= 1 && card <= 17));
      assert.equal(card === 0, !hash.startsWith('#cds17-'));
      assert.equal(cardFromHash(`#cds17-${hash}`) !== 0, true);
    }),
  );
});
