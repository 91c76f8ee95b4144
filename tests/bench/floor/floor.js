/* The floor: the cds17 deck by hand, in plain JavaScript, as small and fast as
   a careful person would write it. A measuring stick for `cargo xtask bench`,
   not a product: it has flip and previous/next, and nothing else.
   `cargo xtask bench` puts the 17 cards where CARDS stands, from
   content/cards.toml, and the stylesheet where STYLE stands. */
(function () {
  'use strict';
  var CARDS = __FLOOR_CARDS__;
  var STYLE = __FLOOR_STYLE__;
  var LABELS = { vi: ['Ứng dụng CNTT', 'Chuyển đổi số', 'Lật thẻ', 'Trước', 'Tiếp', 'Thẻ'], en: ['Applying IT', 'Digital transformation', 'Flip card', 'Previous', 'Next', 'Card'] };

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function mount(host) {
    var lang = host.getAttribute('data-lang') === 'en' ? 'en' : 'vi';
    var labels = LABELS[lang];
    var shadow = host.attachShadow({ mode: 'open' });
    var sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLE);
    shadow.adoptedStyleSheets = [sheet];
    var root = el('div', 'root');
    var stack = el('div', 'stack');
    var cards = CARDS.map(function (card, index) {
      var text = card[lang];
      var article = el('article', 'card');
      var inner = el('div', 'inner');
      [[labels[0], text[1], 'front'], [labels[1], text[2], 'back']].forEach(function (side) {
        var face = el('section', 'face ' + side[2]);
        face.append(el('span', 'label', (index + 1) + ' · ' + side[0]), el('h3', '', text[0]), el('p', '', side[1]));
        inner.append(face);
      });
      var flip = el('button', 'flip', labels[2]);
      flip.type = 'button';
      article.append(inner, flip);
      article.addEventListener('click', function () {
        var flipped = article.classList.toggle('flipped');
        flip.setAttribute('aria-pressed', String(flipped));
        flip.focus({ preventScroll: true });
      });
      stack.append(article);
      return article;
    });
    var current = 0;
    var count = el('span', 'count');
    function show(next) {
      current = Math.max(0, Math.min(cards.length - 1, next));
      cards.forEach(function (card, index) {
        card.hidden = index !== current;
      });
      count.textContent = labels[5] + ' ' + (current + 1) + '/' + cards.length;
    }
    var previous = el('button', 'nav', labels[3]);
    var next = el('button', 'nav', labels[4]);
    previous.addEventListener('click', function () { show(current - 1); });
    next.addEventListener('click', function () { show(current + 1); });
    var nav = el('nav', 'nav-row');
    nav.append(previous, count, next);
    root.append(stack, nav);
    shadow.append(root);
    show(0);
    host.dispatchEvent(new CustomEvent('cds17:ready', { bubbles: true, composed: true, detail: { lang: lang, card: 1 } }));
  }

  var hosts = document.querySelectorAll('[data-cds17]');
  for (var i = 0; i < hosts.length; i++) mount(hosts[i]);
})();
