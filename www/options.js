// What a webmaster wrote, read once, in the loader: the first paint needs it
// before the wasm exists, and the wasm takes the result as it is. The loader
// imports it (`cargo xtask dist` bundles both into cds17.js), and
// tests/js/options.test.mjs imports it alone, in Node. Reading the options
// object in the wasm with serde-wasm-bindgen (`from_value` into a derived
// struct) was measured at +12.3 KB gzip per visitor (+25 KB of wasm), a
// fifth of the budget for five fields: it stays out of the shipped wasm.
//
// A bad value never throws and never blanks the widget: it gives the
// default, and one console warning naming the option as the webmaster wrote
// it, the value (cut short) and the default used.

// The options, in the order the spec lists them, with their values; the
// first is the default. `card` and `deeplink` are read by functions below.
export var OPTION_NAMES = ['lang', 'card', 'view', 'theme', 'deeplink', 'heading'];
export var VIEW_CODES = ['deck', 'grid', 'quiz'];
// The self-check's deep link, beside #cds17-N.
export var QUIZ_HASH = '#cds17-quiz';
// The view the loader paints before the wasm: the self-check is drawn at
// random, so it is not prerendered, and its widget paints the deck hidden
// (the frame shows) until the wasm opens the round.
export var QUIZ = 2;
export var THEME_CODES = ['light', 'dark', 'auto'];
export var CARD_COUNT = 17;
var DEFAULTS = {
  lang: 'vi',
  card: '1',
  view: 'deck',
  theme: 'light',
  deeplink: 'on for the first widget on the page, off for the others',
  heading: 'on',
};

// `vi` or `en`, in any case, with or without a region (`vi-VN`): 0 or 1.
export function langOf(value) {
  if (typeof value !== 'string') return -1;
  return ['vi', 'en'].indexOf(value.trim().split(/[-_]/)[0].toLowerCase());
}

// 1..17, as a whole number or as ASCII digits (leading zeros and surrounding
// spaces forgiven); 0 for anything else.
export function cardOf(value) {
  var number = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : 0;
  return number >= 1 && number <= CARD_COUNT && number % 1 === 0 ? number : 0;
}

// The index of the keyword the text matches, ignoring case and surrounding
// whitespace; -1 if none.
function keywordOf(value, keywords) {
  return typeof value === 'string' ? keywords.indexOf(value.trim().toLowerCase()) : -1;
}

// `deck`, `grid` or `quiz`: 0, 1 or 2; -1 for anything else.
export function viewOf(value) {
  return keywordOf(value, VIEW_CODES);
}

// `on`/`off` or a boolean: true or false; null for anything else.
function switchOf(value) {
  if (typeof value === 'boolean') return value;
  var index = keywordOf(value, ['off', 'on']);
  return index < 0 ? null : index === 1;
}

// The first `max` characters of `text` (whole characters, not halves of
// one), with an ellipsis if there was more.
export function cutShort(text, max) {
  // max + 1 characters take at most 2 × max + 2 UTF-16 units.
  var chars = Array.from(text.slice(0, 2 * max + 2));
  return chars.length > max ? chars.slice(0, max).join('') + '…' : chars.join('');
}

// A widget's options: its data-* attributes, then the options in the page's
// address (`query`, the iframe page's), then the options object of
// CDS17.mount (`script`); a later one wins. Each bad value gets one warning,
// warn(head, value, tail), and the default.
export function readOptions(element, query, script, warn) {
  if (script != null && (typeof script !== 'object' || Array.isArray(script))) {
    warn('cds17: the options of CDS17.mount() should be an object, not', script, '; using the defaults.');
    script = null;
  }
  var read = { lang: 0, card: 1, view: 0, theme: 0, deeplink: null, heading: true };
  var take = function (name, value, origin) {
    if (value == null) return;
    var parsed =
      name === 'lang'
        ? langOf(value)
        : name === 'card'
          ? cardOf(value) || -1
          : name === 'deeplink' || name === 'heading'
            ? switchOf(value)
            : keywordOf(value, name === 'view' ? VIEW_CODES : THEME_CODES);
    if (parsed === -1 || parsed === null) {
      var shown = typeof value === 'string' ? '"' + cutShort(value, 60) + '"' : value;
      warn('cds17: ' + origin + name + ' =', shown, 'is not valid; using the default: ' + DEFAULTS[name]);
      parsed = name === 'card' ? 1 : name === 'deeplink' ? null : name === 'heading' ? true : 0;
    }
    read[name] = parsed;
  };
  for (var i = 0; i < OPTION_NAMES.length; i++) {
    var name = OPTION_NAMES[i];
    take(name, element.getAttribute('data-' + name), 'data-');
    take(name, query && query[name], '?');
    take(name, script && script[name], 'option ');
  }
  // deeplink stays null when not given: the page decides (on for its first
  // widget).
  return read;
}

// Reads location.hash: the card of `#cds17-N`, 0 for a hash that is not ours
// (empty, or the host page's own anchor), -1 for ours with a bad number.
export function cardFromHash(hash) {
  if (hash.slice(0, 7) !== '#cds17-' || hash === QUIZ_HASH) return 0;
  var digits = hash.slice(7);
  return /^\d+$/.test(digits) ? cardOf(digits) || -1 : -1;
}
