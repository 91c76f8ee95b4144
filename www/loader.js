/*! cds17: 17 điểm khác nhau giữa ứng dụng CNTT và chuyển đổi số */
// The loader. It runs on every page that carries the tag, before anything
// else of ours, so it stays small: find placeholders, paint each widget's
// first view at once, start the wasm, and hand the view over to it.
// Behaviour belongs in Rust. `cargo xtask dist` fills in the __CDS17_…__
// values and bundles this file with what it imports (esbuild, tree-shaken)
// into one classic script.
//
// Whatever fails, the host page keeps working: nothing here throws into the
// page, no promise of ours is left rejected, and a placeholder that cannot
// get the widget shows its own content, or a link to the full explainer.
import startWasm, { add_text, command, mount, unmount } from './glue.js';
import startQuiz, {
  add_text as quizAddText,
  close as quizClose,
  open as quizOpen,
  set_lang as quizSetLang,
  stylesheet as quizStylesheet,
} from './quiz-glue.js';
import {
  CARD_COUNT,
  OPTION_NAMES,
  QUIZ,
  QUIZ_HASH,
  THEME_CODES,
  VIEW_CODES,
  cardFromHash,
  cardOf,
  cutShort,
  langOf,
  readOptions,
  viewOf,
} from './options.js';

(function () {
  var w = window;
  var d = document;

  try {
    var existing = w.CDS17;
    if (existing && existing.__loader) {
      // The tag twice, or two copies of the file: one widget per placeholder.
      existing.scan();
      return;
    }
  } catch (error) {
    return;
  }

  var VERSION = '__CDS17_VERSION__';
  var WASM_FILE = '__CDS17_WASM__';
  var WASM_INTEGRITY = '__CDS17_WASM_INTEGRITY__';
  // Empty, unless the build folded the wasm in (base64) to save a request.
  var WASM_INLINE = '__CDS17_WASM_INLINE__';
  var STYLESHEET = '__CDS17_STYLESHEET__';
  // The widget as its component rendered itself at build time, for every
  // state a widget can start in (xtask/src/paint.rs says how it is encoded).
  var PAINT = '__CDS17_PAINT__';
  // Every word of the widget in Vietnamese, a line each (src/content.rs):
  // the first paint needs them, and the wasm takes them from here. English
  // is a file beside the wasm, fetched when a widget needs it.
  var WORDS_VI = '__CDS17_WORDS_VI__';
  // The self-check module: fetched the first time a widget on the page
  // opens the self-check, and by no one else (src/self_check.rs).
  var QUIZ_WASM = '__CDS17_QUIZ_WASM__';
  var QUIZ_INTEGRITY = '__CDS17_QUIZ_WASM_INTEGRITY__';
  // Files fetched when first needed, beside the wasm: the English words,
  // and presenter mode's stylesheet (www/present.css).
  var TEXT_FILES = { en: '__CDS17_TEXT_EN__', present: '__CDS17_TEXT_PRESENT__' };
  var TEXT_INTEGRITY = { en: '__CDS17_TEXT_EN_INTEGRITY__', present: '__CDS17_TEXT_PRESENT_INTEGRITY__' };
  var LANGS = ['vi', 'en'];
  var script = d.currentScript;

  // One console warning: what, the value itself, and what happens instead.
  function say(head, value, tail) {
    try {
      console.warn(head, value, tail);
    } catch (ignored) {
      // No console: nothing to say it on.
    }
  }

  function warn(message, detail) {
    say('cds17: ' + message, detail === undefined ? '' : detail, '');
  }

  // The wasm and the standalone page sit beside this file, wherever the host
  // serves it from.
  var base;
  try {
    base = new URL('./', script && script.src ? script.src : d.baseURI).href;
  } catch (error) {
    base = './';
  }

  // Started in the task after this one (the first fetch and the glue's
  // set-up take some 40 ms at 4× CPU), before the stylesheet and the
  // paint: the download overlaps everything else the page does.
  var loadFailed = false;
  var ready = new Promise(function (resolve, reject) {
    if (typeof WebAssembly !== 'object') throw new Error('this browser has no WebAssembly');
    nextTask(function () {
      try {
        resolve(
          startWasm({
            module_or_path: WASM_INLINE
              ? Uint8Array.from(atob(WASM_INLINE), function (c) {
                  return c.charCodeAt(0);
                })
              : fetch(base + WASM_FILE, { credentials: 'omit', integrity: WASM_INTEGRITY }),
          }),
        );
      } catch (error) {
        reject(error);
      }
    });
  }).then(function () {
    return { add_text: add_text, command: command, mount: mount, unmount: unmount };
  });
  ready.catch(function (error) {
    loadFailed = true;
    warn('the widget could not start, so the page keeps its own content.', error);
    for (var i = 0; i < tracked.length; i++) showFallback(tracked[i]);
  });

  // A language's words (or presenter mode's stylesheet), once for every
  // widget on the page, and only when a widget needs them: no visitor
  // downloads a language they do not read.
  var texts = { vi: Promise.resolve(WORDS_VI) };
  var lines = { vi: WORDS_VI.split('\n') };
  function text(lang) {
    if (!texts[lang]) {
      texts[lang] = fetch(base + TEXT_FILES[lang], { credentials: 'omit', integrity: TEXT_INTEGRITY[lang] })
        .then(function (response) {
          if (!response.ok) throw new Error(response.status + ' ' + response.url);
          return response.text();
        })
        .then(function (words) {
          lines[lang] = words.split('\n');
          return words;
        });
      // A failed fetch is tried again the next time the language is asked for.
      texts[lang].catch(function () {
        delete texts[lang];
      });
    }
    return texts[lang];
  }

  // The wasm asks for a language a widget needs: a visitor switched to it.
  function needText(lang) {
    Promise.all([ready, text(lang)])
      .then(function (got) {
        got[0].add_text(lang, got[1]);
      })
      .catch(function (error) {
        warn('the ' + lang + ' text could not be loaded; the widget stays in its language.', error);
      });
  }

  // The self-check module and its stylesheet, once for the page. A failed
  // fetch is tried again the next time a widget opens the self-check.
  var quiz = null;
  function quizModule() {
    if (!quiz) {
      quiz = startQuiz({
        module_or_path: fetch(base + QUIZ_WASM, { credentials: 'omit', integrity: QUIZ_INTEGRITY }),
      }).then(function () {
        return constructed(quizStylesheet());
      });
      quiz.catch(function () {
        quiz = null;
      });
    }
    return quiz;
  }

  // The widget says which view and language it shows (src/embed.rs). In
  // the self-check, the module mounts into the widget's .cds17-quiz-host,
  // once: left for the deck and opened again, it is as the visitor left it,
  // kept in the widget's language meanwhile.
  function shown(element, widget, view, lang) {
    if (view !== QUIZ && !widget.quiz) return;
    Promise.all([quizModule(), text(LANGS[lang])])
      .then(function (got) {
        if (widgets.get(element) !== widget || !live.has(element)) return;
        quizAddText(lang, got[1]);
        if (widget.quiz) return quizSetLang(widget.id, lang);
        var host = widget.mount.querySelector('.cds17-quiz-host');
        if (!host) return;
        adopt(element.shadowRoot, got[0], element.shadowRoot.adoptedStyleSheets);
        widget.quiz = true;
        quizOpen(widget.id, host, lang, function (name, card, value) {
          // "See the card": the widget opens the deck there (verb 8).
          if (name === 'see') return widget.wasm.command(widget.id, 8, card | (value << 5));
          var detail = { score: card, total: value };
          // Bit 0: the statement's side, bit 1: the answer chosen, set for "after".
          if (name === 'answer') {
            detail = { card: card, side: SIDES[value & 1], chosen: SIDES[value >> 1], correct: (value & 1) === value >> 1 };
          }
          element.dispatchEvent(new CustomEvent('cds17:' + name, { bubbles: true, composed: true, detail: detail }));
        });
        if (!widget.start.heading) stepUpHeadings(host);
      })
      .catch(function (error) {
        // No empty view left behind: the widget goes back to its cards.
        warn('the self-check could not be loaded; the widget shows the cards.', error);
        if (widgets.get(element) === widget && !widget.quiz) widget.wasm.command(widget.id, 7, 0);
      });
  }

  // The state a widget starts in: its options (www/options.js), and for
  // the widget that follows the page's address, #cds17-N. The first widget
  // that does not say otherwise follows it, reading it now and writing it
  // as the visitor moves (see emit).
  var deeplinkOwner = null;
  function startOf(element, options, query) {
    var start = readOptions(element, query, options, say);
    start.follows = start.deeplink === null ? !deeplinkOwner : start.deeplink;
    if (start.follows && !deeplinkOwner) deeplinkOwner = element;
    start.reveal = start.follows ? hashCard() : 0;
    if (start.reveal) start.card = start.reveal;
    if (start.follows && location.hash === QUIZ_HASH) start.view = QUIZ;
    return start;
  }

  // The card of #cds17-N in the page's address, 0 if there is none (a bad
  // one gets a warning).
  function hashCard() {
    var card = cardFromHash(location.hash);
    if (card < 0) {
      say('cds17: the link', cutShort(location.hash, 60), 'does not name a card from 1 to 17; staying on the current card.');
    }
    return Math.max(card, 0);
  }

  // #cds17-N as the visitor moves, with replaceState: no history entry per
  // card, no hashchange back to us, no jump. Card 1 has no hash; a hash of
  // the host's own is left alone.
  function writeHash(card) {
    var hash = card > 1 ? '#cds17-' + card : '';
    if (hash ? location.hash === hash : !cardFromHash(location.hash) && location.hash !== QUIZ_HASH) return;
    try {
      history.replaceState(history.state, '', hash || location.pathname + location.search);
    } catch (ignored) {
      // A sandboxed frame may refuse: the widget works all the same.
    }
  }

  // The widgets that follow the page's hash, and the one listener they
  // share, there while they are.
  var following = [];
  function onHashChange() {
    var toQuiz = location.hash === QUIZ_HASH;
    var card = toQuiz ? 0 : hashCard();
    for (var i = 0; i < following.length; i++) {
      if (toQuiz) following[i][0].command(following[i][1], 7, QUIZ);
      else if (card) following[i][0].command(following[i][1], 6, card);
    }
  }
  function follow(wasm, id, on) {
    following = following.filter(function (entry) {
      return entry[1] !== id;
    });
    if (on) following.push([wasm, id]);
    w[following.length ? 'addEventListener' : 'removeEventListener']('hashchange', onHashChange);
  }

  // The view of state `start`, built from PAINT with DOM methods only (no
  // HTML parser: strict CSP and Trusted Types hold) into `mount`.
  function paint(mount, start) {
    var words = lines[LANGS[start.lang]];
    var W = PAINT.w;
    var L = PAINT.l.length;
    var state = paintedState(start);
    var states = LANGS.length * PAINT.views.length * CARD_COUNT;
    var value = function (ref) {
      if (ref >= W + L) {
        var pattern = ref - W - L;
        ref = PAINT.v[pattern][PAINT.p.charCodeAt(pattern * states + state) - 97];
      }
      return ref < 0 ? null : ref < W ? words[ref] : PAINT.l[ref - W];
    };
    // In the deck, the cards not in view are not laid out (cards.css), so
    // their insides can wait a task: the first task builds their slots
    // alone, and fill() the rest, before the wasm needs them.
    var later = [];
    var deck = !paintedView(start);
    var node = function (tokens, at, parent, repeated) {
      var code = tokens[at++];
      if (code === 0) {
        parent.appendChild(d.createTextNode(value(tokens[at++])));
      } else if (code === 1) {
        parent.appendChild(d.createComment(''));
      } else if (code === 2) {
        var count = tokens[at++];
        var length = tokens[at++];
        for (var i = 0; i < count; i++) {
          var item = [];
          for (var k = 0; k < length; k++) item.push(tokens[at + k] + i * tokens[at + length + k]);
          node(item, 0, parent, 1);
        }
        at += 2 * length;
      } else {
        var tag = PAINT.g[code - 3];
        var element =
          tag.slice(0, 4) === 'svg:' ? d.createElementNS('http://www.w3.org/2000/svg', tag.slice(4)) : d.createElement(tag);
        for (var attributes = tokens[at++]; attributes--; at += 2) {
          var text = value(tokens[at + 1]);
          if (text !== null) element.setAttribute(PAINT.n[tokens[at]], text);
        }
        // The stack's Nth slot holds card N. Only a repeated one waits: its
        // tokens are its own, so what follows them needs no skipping.
        if (repeated && deck && parent.className === 'cds17-stack' && parent.children.length + 1 !== start.card) {
          later.push([tokens, at, element]);
        } else {
          for (var children = tokens[at++]; children--; ) at = node(tokens, at, element);
        }
        parent.appendChild(element);
      }
      return at;
    };
    if (!words || words.length !== W) return false;
    var fragment = d.createDocumentFragment();
    node(PAINT.t, 0, fragment);
    var root = fragment.firstChild;
    if (!start.heading) stepUpHeadings(root);
    root.setAttribute('data-theme', THEME_CODES[start.theme]);
    // Until the wasm takes over: what cannot act yet says it is busy.
    root.setAttribute('aria-busy', 'true');
    mount.replaceChildren(fragment);
    // Fills the cards not in view: all of them, or as many as fit in some
    // 25 ms (about five at 4× CPU), so that no task of it is long. Says
    // whether any are left.
    return function (all) {
      var until = performance.now() + 25;
      for (var item; (item = later.shift()); ) {
        for (var at = item[1], children = item[0][at++]; children--; ) at = node(item[0], at, item[2]);
        if (!start.heading) stepUpHeadings(item[2]);
        if (!all && performance.now() > until) break;
      }
      return later.length > 0;
    };
  }

  // data-heading="off": the page's own heading names the widget (our
  // standalone and card pages), so the widget's eyebrow and title are not
  // shown (.cds17-no-heading in the stylesheet), and the cards' titles step
  // up to level 2 under the page's h1, for screen readers. The cards'
  // nodes live as long as the widget, so this is done once, on the paint
  // the wasm hydrates, and on the self-check's when it opens.
  function stepUpHeadings(within) {
    var titles = within.querySelectorAll('h3');
    for (var i = 0; i < titles.length; i++) titles[i].setAttribute('aria-level', '2');
  }

  // The number of a state among those painted (xtask/src/paint.rs), which
  // the wasm reads back (src/options.rs). The self-check paints the deck,
  // hidden (see frame).
  function paintedState(start) {
    return (start.lang * PAINT.views.length + paintedView(start)) * CARD_COUNT + start.card - 1;
  }

  // The view painted first: the self-check's deck, hidden, stands for it.
  function paintedView(start) {
    return start.view === QUIZ ? 0 : start.view;
  }

  // What the loader knows of each placeholder it has given a frame.
  var widgets = new WeakMap();
  // Placeholders whose wasm widget is up: the loader's part is done.
  var live = new WeakSet();

  // Elements we have asked to mount, so that each is mounted once and is
  // unmounted when it leaves the page.
  var tracked = [];

  function track(element) {
    if (tracked.indexOf(element) >= 0) return;
    tracked.push(element);
    api.mount(element).catch(function (error) {
      // A failed load is reported once, above.
      if (!loadFailed) warn('this placeholder keeps its own content:', error);
    });
  }

  function forget(element) {
    var index = tracked.indexOf(element);
    if (index >= 0) tracked.splice(index, 1);
  }

  // A shadow root cannot be taken off again: a <slot> in it shows the
  // placeholder's own content. An empty placeholder gets a small link to
  // the standalone page, so the visitor still reaches the 17 points.
  function showFallback(element) {
    try {
      var shadow = element.shadowRoot;
      if (shadow && !live.has(element)) {
        // It gives up its claim on the page's deep links too.
        takeDown(element);
        shadow.replaceChildren(d.createElement('slot'));
      }
      var empty = !element.textContent.trim() && !element.querySelector('a, img, table, iframe');
      var canHoldALink = !/^(img|input|br|hr|iframe|video|audio|canvas|select|textarea|object)$/i.test(element.tagName);
      if (empty && canHoldALink) {
        var link = d.createElement('a');
        link.href = base;
        link.textContent = 'Xem 17 điểm khác nhau giữa ứng dụng CNTT và chuyển đổi số';
        link.setAttribute('data-cds17-fallback', '');
        element.appendChild(link);
      }
    } catch (ignored) {
      // The element went away: nothing to show.
    }
  }

  function placeholdersIn(root) {
    var found = [];
    if (root.nodeType === 1 && root.hasAttribute('data-cds17')) found.push(root);
    if (root.querySelectorAll) {
      var inside = root.querySelectorAll('[data-cds17]');
      for (var i = 0; i < inside.length; i++) found.push(inside[i]);
    }
    return found;
  }

  // The options in the page's address (?card=7&lang=en), for the placeholder
  // of the iframe page, which is marked data-cds17-query; null for others.
  // The browser decodes them: the wasm need not carry a decoder.
  function queryOf(element) {
    if (!element.hasAttribute('data-cds17-query')) return null;
    var search = new URLSearchParams(location.search);
    var query = {};
    OPTION_NAMES.forEach(function (name) {
      if (search.has(name)) query[name] = search.get(name);
    });
    return query;
  }

  // The placeholder's open shadow root, with the stylesheet and the element
  // the widget mounts into, holding the widget's first view: painted at
  // once, or, until its language's words arrive, the widget's frame (its
  // background, and the height it is going to take, src/components/
  // reserve.css). Called again, it gives the same record: one widget per
  // placeholder.
  function frame(element, options, query) {
    var widget = widgets.get(element);
    if (widget) return widget;
    var shadow = element.shadowRoot || element.attachShadow({ mode: 'open' });
    var start = startOf(element, options, query);
    var mount = d.createElement('div');
    // A self-check shows its frame until the wasm has drawn its round.
    mount.className = 'cds17-mount' + (start.view === QUIZ ? ' cds17-unpainted' : '') + (start.heading ? '' : ' cds17-no-heading');
    widget = { mount: mount, start: start, painted: false, queue: [] };
    widgets.set(element, widget);
    if (!repaint(widget)) {
      var root = d.createElement('div');
      root.className = 'cds17-root cds17-pending';
      root.setAttribute('lang', LANGS[start.lang]);
      root.setAttribute('data-view', VIEW_CODES[paintedView(start)]);
      root.setAttribute('data-theme', THEME_CODES[start.theme]);
      mount.appendChild(root);
    }
    // Also clears the <slot> that an unmount leaves to show the placeholder's
    // own content.
    shadow.replaceChildren(mount);
    adopt(shadow, stylesheet(), []);
    listen(element, widget);
    return widget;
  }

  // Paints the widget's first view, if its words are here. Anything else
  // that changed the view (a page's script, a translating extension) is
  // undone, so that the wasm finds exactly the markup it rendered.
  function repaint(widget) {
    var fill = paint(widget.mount, widget.start);
    if (!fill) return false;
    // The cards not in view, a few at a time from a task after the first
    // frame; the takeover fills the rest at once if it comes sooner. What
    // the watcher saw before is kept; the filling itself is ours.
    widget.fill = function (all) {
      if (widget.fill !== filled) return;
      if (widget.watcher && widget.watcher.takeRecords().length) widget.changed = true;
      var left = fill(all);
      if (widget.watcher) widget.watcher.takeRecords();
      if (left) setTimeout(filled);
      else widget.fill = null;
    };
    var filled = widget.fill;
    requestAnimationFrame(function () {
      setTimeout(filled);
    });
    widget.painted = true;
    widget.queue = [];
    if (w.MutationObserver) {
      if (widget.watcher) widget.watcher.disconnect();
      widget.changed = false;
      widget.watcher = new MutationObserver(function () {
        widget.changed = true;
      });
      widget.watcher.observe(widget.mount, { childList: true, characterData: true, subtree: true });
    }
    return true;
  }

  // Before the wasm takes over, the painted view already answers: a click
  // or tap, an arrow key, Home and End, a swipe are kept, the control shows
  // that it is busy, and each is done once, by the widget itself, the moment
  // it is up (see takeOver). Keys and swipes are read as the wasm reads
  // them: keys as Controller::press (src/state/mod.rs), swipes as card.rs.
  var KEYS = ['ArrowLeft', 'ArrowRight', 'Home', 'End'];
  function listen(element, widget) {
    var swipeFrom = null;
    var onInput = function (event) {
      var target = event.target;
      if (!widget.painted || live.has(element) || !target.closest) return;
      var card = target.closest('.cds17-card');
      if (event.type === 'click') {
        var control = target.closest('button') || (card && card.querySelector('.cds17-flip'));
        if (!control) return;
        control.setAttribute('data-cds17-waiting', '');
        widget.queue.push({ target: target, event: 'click' });
      } else if (event.type === 'keydown') {
        if (KEYS.indexOf(event.key) < 0 || event.altKey || event.ctrlKey || event.metaKey) return;
        event.preventDefault();
        widget.queue.push({ target: target, event: 'keydown', key: event.key });
      } else if (event.type === 'pointerdown') {
        swipeFrom = card ? [event.clientX, event.clientY] : null;
      } else if (swipeFrom && event.changedTouches[0]) {
        var dx = event.changedTouches[0].clientX - swipeFrom[0];
        var dy = event.changedTouches[0].clientY - swipeFrom[1];
        swipeFrom = null;
        if (Math.abs(dx) < 48 || Math.abs(dx) <= 2 * Math.abs(dy) || widget.start.view) return;
        // No click, and so no flip, after a swipe.
        if (event.cancelable) event.preventDefault();
        widget.queue.push({ verb: dx < 0 ? 1 : 2 });
      }
    };
    widget.inputs = ['click', 'keydown', 'pointerdown', 'touchend'];
    widget.onInput = onInput;
    for (var i = 0; i < widget.inputs.length; i++) widget.mount.addEventListener(widget.inputs[i], onInput, true);
  }

  function stopListening(element) {
    var widget = widgets.get(element);
    if (!widget) return;
    for (var i = 0; i < widget.inputs.length; i++) widget.mount.removeEventListener(widget.inputs[i], widget.onInput, true);
    if (widget.watcher) widget.watcher.disconnect();
  }

  // The wasm has hydrated the painted view: the same nodes, so focus and
  // scroll stay where they were. What the visitor did meanwhile is done now,
  // once each, on the elements they did it to.
  function takeOver(wasm, id, element, widget) {
    live.add(element);
    stopListening(element);
    widget.wasm = wasm;
    widget.id = id;
    widget.onPresenter = function (event) {
      if (!listenOrShare(widget, event)) presenterInput(element, widget, event);
    };
    widget.mount.addEventListener('click', widget.onPresenter, true);
    widget.mount.addEventListener('keydown', widget.onPresenter, true);
    element.addEventListener('fullscreenchange', widget.onPresenter);
    // Listen: the copy button's twin, after it, with a speaker for an icon.
    var copy = widget.mount.querySelector('.cds17-copy');
    var listen = (widget.listen = copy.cloneNode(true));
    listen.className = 'cds17-copy cds17-listen';
    listen.firstChild.firstChild.setAttribute('d', SPEAKER);
    listen.setAttribute('aria-pressed', false);
    copy.after(listen);
    widget.onVoices = function () {
      tools(widget);
    };
    // Asked for only now: the first read of speechSynthesis wakes the
    // browser's speech (some 8 ms at 4× CPU), which the first paint should
    // not wait for.
    speech = w.speechSynthesis;
    if (speech) speech.addEventListener('voiceschanged', widget.onVoices);
    tools(widget);
    if (widget.start.follows) follow(wasm, id, true);
    // Following a deep link: the card scrolls into view and takes focus.
    if (widget.start.reveal) wasm.command(id, 6, widget.start.reveal);
    // The self-check opens before the browser paints again.
    if (widget.start.view === QUIZ) wasm.command(id, 7, QUIZ);
    widget.mount.classList.remove('cds17-unpainted');
    var root = widget.mount.firstChild;
    if (root) root.removeAttribute('aria-busy');
    var waiting = widget.mount.querySelectorAll('[data-cds17-waiting]');
    for (var i = 0; i < waiting.length; i++) waiting[i].removeAttribute('data-cds17-waiting');
    var queue = widget.queue;
    widget.queue = [];
    // One at a time, each in a task of its own as the visitor made them,
    // once the widget's first effects have run (they are queued as
    // microtasks): each is reported as the widget reports it.
    var replay = function () {
      var input = queue.shift();
      if (!input) return;
      if (input.verb) {
        wasm.command(id, input.verb, 0);
      } else if (input.target.isConnected) {
        var init = { bubbles: true, cancelable: true, composed: true, key: input.key };
        input.target.dispatchEvent(input.event === 'click' ? new MouseEvent('click', init) : new KeyboardEvent('keydown', init));
      }
      widget.replay = setTimeout(replay);
    };
    widget.replay = setTimeout(replay);
  }

  // What the loader keeps of a widget goes with it.
  function takeDown(element) {
    var widget = widgets.get(element);
    if (widget && widget.wasm) follow(widget.wasm, widget.id, false);
    if (widget && widget.quiz) quizClose(widget.id);
    if (widget) clearTimeout(widget.replay);
    if (widget && widget.wasm) {
      present(element, widget, false);
      hush(widget);
      if (speech) speech.removeEventListener('voiceschanged', widget.onVoices);
      widget.mount.removeEventListener('click', widget.onPresenter, true);
      widget.mount.removeEventListener('keydown', widget.onPresenter, true);
      element.removeEventListener('fullscreenchange', widget.onPresenter);
    }
    if (deeplinkOwner === element) deeplinkOwner = null;
    stopListening(element);
    widgets.delete(element);
    live.delete(element);
  }

  // A widget's handle: each method is one verb of the wasm's `command`,
  // in the order of `mod verb` in src/embed.rs, with its value checked
  // here: a bad one is a warning, and changes nothing.
  function handle(wasm, id, element) {
    var verb = function (code, read, says) {
      return function (value) {
        var taken = read ? read(value) : 0;
        if (taken < 0 || (read === cardOf && !taken)) return say('cds17: ' + says + ', not', value, '; nothing changed.');
        wasm.command(id, code, taken);
      };
    };
    return {
      goTo: verb(0, cardOf, 'goTo() takes a card number from 1 to 17'),
      next: verb(1),
      prev: verb(2),
      flip: verb(3),
      setLang: verb(4, langOf, "setLang() takes 'vi' or 'en'"),
      setView: verb(7, viewOf, "setView() takes 'deck', 'grid' or 'quiz'"),
      // Enters presenter mode, or leaves it: resolves once done.
      present: function () {
        var widget = widgets.get(element);
        if (!widget || widget.id !== id) return Promise.reject(new Error('cds17: present() on a widget that was destroyed'));
        return present(element, widget, !widget.presenting);
      },
      // Safe to call again, and on a handle whose widget is long gone.
      destroy: function () {
        var widget = widgets.get(element);
        if (widget && widget.id === id) takeDown(element);
        wasm.command(id, 5, 0);
      },
    };
  }

  // One constructed stylesheet for every widget on the page; where the
  // browser cannot construct one (Safari before 16.4), the text, for a
  // <style> in each shadow root.
  var sheet;
  function stylesheet() {
    if (!sheet) sheet = constructed(STYLESHEET);
    return sheet;
  }

  // Puts `sheet` into `shadow`, after the adopted `before`: a constructed
  // stylesheet, or its text in a <style> where the browser has none.
  function adopt(shadow, sheet, before) {
    if (typeof sheet === 'string') {
      var style = d.createElement('style');
      style.textContent = sheet;
      shadow.appendChild(style);
    } else {
      shadow.adoptedStyleSheets = before.concat(sheet);
    }
  }

  function constructed(text) {
    try {
      var made = new CSSStyleSheet();
      made.replaceSync(text);
      return made;
    } catch (error) {
      return text;
    }
  }

  // Presenter mode: the card in view alone, filling the screen, stepped
  // through with a presenter remote. It is the loader's, on the widget's
  // own commands (0 go to, 3 flip, 7 view), so that the wasm carries nothing
  // of it but its button; its stylesheet (www/present.css) comes the first
  // time anyone on the page presents. A step on: a card's front, its back,
  // the next card's front; Home and End (±2) to the ends; Esc (0) leaves.
  var STEPS = { PageDown: 1, ArrowRight: 1, ' ': 1, Enter: 1, PageUp: -1, ArrowLeft: -1, Backspace: -1, Home: 2, End: -2, Escape: 0 };
  function presenterInput(element, widget, event) {
    var state = widget.presenting;
    var by = STEPS[event.key];
    if (event.type === 'fullscreenchange') {
      // The browser's own way out (Esc, its button) leaves presenter mode too.
      if (state && d.fullscreenElement === element) state.full = 1;
      else if (state && state.full) present(element, widget);
    } else if (event.type === 'click') {
      var pressed = event.target.closest('.cds17-tools button') ? 1 : state && event.target.closest('.cds17-card') ? 2 : 0;
      if (!pressed) return;
      event.stopPropagation();
      // A stylesheet that cannot be fetched has said so in the console.
      if (pressed > 1) step(widget, 1);
      else present(element, widget, !state).catch(function () {});
    } else if (state && by !== undefined && !event.altKey && !event.ctrlKey && !event.metaKey) {
      // Taken: neither the widget's own keys nor the page's handlers see it.
      event.preventDefault();
      event.stopPropagation();
      if (by) step(widget, by);
      else present(element, widget);
    }
  }

  // The number of the card in view (in the grid, the current one), as the
  // pager shows it: "5".
  function cardInView(root) {
    return root.querySelector('[aria-current="true"]').firstChild.data;
  }

  // Read from the widget each time: the page may have moved it meanwhile
  // (handle.goTo), and a visitor's key presses are tasks apart, so the DOM
  // shows each step before the next.
  function step(widget, by) {
    var root = widget.mount.firstChild;
    var flipped = function (card) {
      return !!root.querySelector('[data-card="' + card + '"][data-flipped="true"]');
    };
    var card = +cardInView(root);
    var back = flipped(card);
    var to = by > 1 ? 1 : by < -1 ? CARD_COUNT : by > 0 === back ? card + by : card;
    var side = by > 1 ? false : by < -1 || (to === card ? !back : by < 0);
    if (to < 1 || to > CARD_COUNT) return;
    if (to !== card) widget.wasm.command(widget.id, 0, to);
    if (flipped(to) !== side) widget.wasm.command(widget.id, 3, 0);
  }

  // Enters (`on`) or leaves presenter mode; resolves once done. Fullscreen
  // where the page allows it; elsewhere the mount is a popover, in the top
  // layer, over the whole page, whatever the page's CSS.
  function present(element, widget, on) {
    var mount = widget.mount;
    var state = widget.presenting;
    var tell = function (active) {
      mount.classList.toggle('cds17-presenting', active);
      mount.querySelector('.cds17-tools button').setAttribute('aria-pressed', active);
      element.dispatchEvent(new CustomEvent('cds17:present', { bubbles: true, composed: true, detail: { active: active } }));
    };
    if (!on) {
      if (!state) return Promise.resolve();
      widget.presenting = null;
      hush(widget);
      try {
        mount.hidePopover();
      } catch (ignored) {
        // It was fullscreen, or this browser has no popovers.
      }
      mount.removeAttribute('popover');
      if (state.view) widget.wasm.command(widget.id, 7, state.view);
      tell(false);
      mount.querySelector('.cds17-tools button').focus();
      return d.fullscreenElement === element ? d.exitFullscreen() : Promise.resolve();
    }
    if (state) return Promise.resolve();
    // The view to come back to, and whether the page is fullscreen for us.
    state = widget.presenting = { view: VIEW_CODES.indexOf(mount.firstChild.getAttribute('data-view')) };
    return text('present').then(
      function (css) {
        if (widget.presenting !== state) return;
        if (!widget.styled) adopt(element.shadowRoot, constructed(css), element.shadowRoot.adoptedStyleSheets);
        widget.styled = 1;
        if (state.view) widget.wasm.command(widget.id, 7, 0);
        tell(true);
        mount.tabIndex = -1;
        var overlay = function () {
          mount.popover = 'manual';
          mount.showPopover();
        };
        return new Promise(function (entered) {
          // A frame without allow="fullscreen" is not asked: the browser
          // would log a refusal into the page's console.
          if (!d.fullscreenEnabled) throw 0;
          entered(element.requestFullscreen());
        })
          // Fullscreen for us from now on, even if the browser tells of
          // entering after it tells of leaving.
          .then(function () {
            state.full = 1;
          }, overlay)
          .catch(function () {
            // No popovers: the stylesheet alone makes the overlay.
          })
          .then(function () {
            mount.focus();
          });
      },
      function (error) {
        widget.presenting = null;
        warn('presenter mode could not be loaded.', error);
        throw error;
      },
    );
  }

  // Copying, sharing and listening: the loader's, on the widget's own DOM
  // (src/components/source_line.rs has the markup alone). Their words
  // (content/ui.toml) by language: share, listen, copied, not copied.
  var TOOL_WORDS = '__CDS17_TOOL_WORDS__';
  var SPEAKER = 'M4 9v6h4l5 4V5L8 9zm12 3a4 4 0 0 0-2-3.5v7a4 4 0 0 0 2-3.5zm-2-8v2a6 6 0 0 1 0 12v2a8 8 0 0 0 0-16z';
  var speech;
  var nav = navigator;

  // A voice for `lang` (vi, en), if the device has one: one of its own
  // first, as an online voice sends the text away.
  function voiceOf(lang) {
    var voices = speech ? speech.getVoices() : [];
    var found;
    for (var i = 0; i < voices.length; i++) {
      if (voices[i].lang.slice(0, 2).toLowerCase() === lang && !(found && found.localService)) found = voices[i];
    }
    return found;
  }

  // The tools as the widget's language and view want them: "Chia sẻ" on
  // the copy button where the device can share; Listen only where the
  // device has a voice for that language, and there is a card in view.
  function tools(widget) {
    var root = widget.mount.firstChild;
    var words = TOOL_WORDS[LANGS.indexOf(root.lang)];
    if (nav.share) root.querySelector('.cds17-copy').lastChild.data = words[0];
    widget.listen.lastChild.data = words[1];
    widget.listen.hidden = !voiceOf(root.lang) || root.getAttribute('data-view') === VIEW_CODES[QUIZ];
  }

  // What the live region under the card says: `word` of TOOL_WORDS, or
  // nothing. What it said goes as soon as the widget changes.
  function announce(root, word) {
    var status = root.querySelector('.cds17-copy-status');
    status.textContent = word ? TOOL_WORDS[LANGS.indexOf(root.lang)][word] : ' ';
    status.setAttribute('data-empty', !word);
  }

  // A click on the copy button (Share where the device can share) or on
  // Listen: taken, and true; anything else is left to others.
  function listenOrShare(widget, event) {
    var button = event.type === 'click' && event.target.closest('.cds17-copy');
    if (!button) return;
    event.stopPropagation();
    var root = widget.mount.firstChild;
    // The card in view (in the grid, the current one), its side in view.
    var number = cardInView(root);
    var card = root.querySelector('[data-card="' + number + '"]');
    var face = card.querySelector(card.getAttribute('data-flipped') === 'true' ? '.cds17-face-after' : '.cds17-face-before').children;
    var title = face[1].textContent;
    // The card's own page, whose Open Graph tags Zalo and Facebook read.
    var link = base + (root.lang === 'en' ? 'en/' : '') + 'the/' + number + '/';
    var copy = function () {
      // No clipboard (an insecure page), or one that refuses: said so.
      new Promise(function (copied) {
        copied(nav.clipboard.writeText(link));
      }).then(
        function () {
          announce(root, 2);
        },
        function () {
          announce(root, 3);
        },
      );
    };
    if (button !== widget.listen) {
      if (!nav.share) return copy() || 1;
      nav.share({ url: link, title: title, text: root.getAttribute('aria-label') }).catch(function (error) {
        // Cancelled by the visitor: nothing to say. Refused: copied instead.
        if (error.name !== 'AbortError') copy();
      });
    } else if (widget.speaking) {
      hush(widget);
    } else {
      var voice = voiceOf(root.lang);
      // Its side, its title, its text.
      var said = (widget.speaking = new SpeechSynthesisUtterance(face[0].lastChild.textContent + '. ' + title + '. ' + face[2].textContent));
      said.voice = voice;
      said.lang = voice.lang;
      // Done, or stopped by anyone (another widget's voice, the page).
      said.onend = said.onerror = function () {
        if (widget.speaking === said) hush(widget, 1);
      };
      speech.cancel();
      button.setAttribute('aria-pressed', true);
      speech.speak(said);
    }
    return 1;
  }

  // Stops the widget's voice, if it speaks; `ended`: it has stopped.
  function hush(widget, ended) {
    if (!widget.speaking) return;
    widget.speaking = null;
    widget.listen.setAttribute('aria-pressed', false);
    if (!ended) speech.cancel();
  }

  // The widget's events, dispatched on the placeholder when the wasm says:
  // cds17:ready { version, lang, card }, cds17:change { card } and
  // cds17:flip { card, side }.
  var SIDES = ['before', 'after'];
  function emit(element, name, card, extra) {
    var widget = widgets.get(element);
    // Whatever changes, the voice stops and the status goes: they were
    // about what was there.
    if (widget && widget.listen) {
      hush(widget);
      if (name !== 'cds17:ready') announce(widget.mount.firstChild);
    }
    if (name === 'shown') return widget && (tools(widget), shown(element, widget, card, extra));
    if (name === 'cds17:change' && widget && widget.start.follows) writeHash(card);
    var detail = { card: card };
    if (name === 'cds17:ready') detail = { version: VERSION, lang: extra, card: card };
    if (name === 'cds17:flip') detail.side = extra;
    element.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true, detail: detail }));
  }

  // `value`, a task later: each widget's takeover in a task of its own, so
  // that several on a page never make one long task, and the page can
  // answer in between.
  function afterATask(value) {
    return new Promise(function (done) {
      setTimeout(done, 0, value);
    });
  }

  // `step` in a task of its own, as soon as may be: first among the tasks
  // waiting where the browser can say so (scheduler.postTask), else a
  // message to ourselves, which is not delayed as a timer is, nor held back
  // in a hidden tab. Queued behind the page's own tasks (at normal
  // priority), the paint came some 40 ms later at 4× CPU.
  function nextTask(step) {
    var run = function () {
      try {
        step();
      } catch (error) {
        warn('the widget could not start, so the page keeps its own content.', error);
      }
    };
    var scheduler = w.scheduler;
    if (scheduler && scheduler.postTask) return scheduler.postTask(run, { priority: 'user-blocking' });
    if (typeof MessageChannel !== 'function') return setTimeout(run, 0);
    var channel = new MessageChannel();
    channel.port1.onmessage = function () {
      channel.port1.onmessage = null;
      run();
    };
    channel.port2.postMessage(0);
  }

  function isElement(value) {
    return !!value && value.nodeType === 1;
  }

  // Each element's mounts and unmounts run in the order they were asked for,
  // each once the one before has settled: a mount may still be waiting for
  // its text when the page unmounts the element.
  var turns = new WeakMap();
  function inTurn(element, step) {
    var settled = function () {};
    var previous = turns.get(element) || Promise.resolve();
    var result = previous.then(settled, settled).then(step);
    turns.set(element, result);
    return result;
  }

  var api = {
    __loader: true,
    version: VERSION,
    mount: function (element, options) {
      if (!isElement(element)) return Promise.reject(new TypeError('cds17: CDS17.mount() takes an element'));
      if (tracked.indexOf(element) < 0) tracked.push(element);
      var query = queryOf(element);
      var lang;
      try {
        if (!loadFailed && typeof WebAssembly === 'object') {
          var widget = frame(element, options, query);
          lang = LANGS[widget.start.lang];
          // English is painted once its words are here, beside the wasm.
          text(lang).then(
            function () {
              if (!widget.painted && widgets.get(element) === widget) repaint(widget);
            },
            function () {},
          );
        }
      } catch (ignored) {
        // No shadow DOM here: mounting fails below, and the fallback stays.
      }
      var mounted = inTurn(element, function () {
        return Promise.all([ready, text(lang || 'vi')]).then(afterATask).then(function (got) {
          var wasm = got[0];
          var widget = frame(element, options, query);
          var words = LANGS[widget.start.lang];
          wasm.add_text(words, got[1]);
          if (widget.fill) widget.fill(true);
          if (!widget.painted || widget.changed || (widget.watcher && widget.watcher.takeRecords().length)) {
            repaint(widget);
          }
          // The wasm hydrates every card.
          if (widget.fill) widget.fill(true);
          var start = widget.start;
          var id = wasm.mount(element, widget.mount, paintedState(start), start.theme, base, emit, needText);
          takeOver(wasm, id, element, widget);
          return handle(wasm, id, element);
        });
      });
      mounted.catch(function () {
        showFallback(element);
      });
      return mounted;
    },
    scan: function (root) {
      try {
        var found = placeholdersIn(root || d);
        for (var i = 0; i < found.length; i++) track(found[i]);
      } catch (error) {
        warn('scan() needs an element or a document.', error);
      }
    },
    // Resolves, whatever happened: a widget that never started has nothing
    // to take down.
    unmount: function (element) {
      if (!isElement(element)) return Promise.resolve();
      forget(element);
      return inTurn(element, function () {
        takeDown(element);
        return ready.then(
          function (wasm) {
            wasm.unmount(element);
          },
          function () {},
        );
      });
    },
  };
  w.CDS17 = api;

  try {
    // Placeholders added later (SPA pages, tabs) mount themselves; removed
    // ones unmount and leave nothing behind.
    if (w.MutationObserver) {
      new MutationObserver(function (records) {
        for (var i = 0; i < records.length; i++) {
          var added = records[i].addedNodes;
          for (var j = 0; j < added.length; j++) {
            if (added[j].nodeType === 1) api.scan(added[j]);
          }
          if (records[i].type === 'attributes') api.scan(records[i].target);
        }
        var gone = tracked.filter(function (element) {
          return !element.isConnected;
        });
        for (var k = 0; k < gone.length; k++) api.unmount(gone[k]);
      }).observe(d.documentElement, {
        childList: true,
        subtree: true,
        attributes: true,
        attributeFilter: ['data-cds17'],
      });
    }

    // With no placeholder (and no iframe of ours), the widget renders where
    // the tag stands, unless the tag says the page mounts widgets itself
    // (data-cds17-manual). Decided once the page is parsed: a placeholder
    // further down may not be parsed yet when an async script runs.
    var renderInPlaceIfAlone = function () {
      api.scan(d);
      if (tracked.length || d.querySelector('[data-cds17], iframe[data-cds17-frame]')) return;
      if (script && script.hasAttribute('data-cds17-manual')) return;
      var placeholder = d.createElement('div');
      placeholder.setAttribute('data-cds17', '');
      var parent = script && script.isConnected ? script.parentNode : null;
      if (parent && parent !== d.head && parent !== d.documentElement) {
        parent.insertBefore(placeholder, script);
      } else {
        (d.body || d.documentElement).appendChild(placeholder);
      }
      track(placeholder);
    };

    // iframe[data-cds17-frame] of our embed.html say how tall their page is;
    // each gets that height. Only our origin is heard, and only a height.
    // A frame that said it before this ran is asked again.
    var ours = new URL(base, d.baseURI).origin;
    var frames = d.querySelectorAll('iframe[data-cds17-frame]');
    for (var f = 0; f < frames.length; f++) {
      if (frames[f].contentWindow) frames[f].contentWindow.postMessage({ type: 'cds17:height?' }, ours);
    }
    w.addEventListener('message', function (event) {
      var data = event.data;
      if (event.origin !== ours || !data || data.type !== 'cds17:height') return;
      var height = data.height;
      if (typeof height !== 'number' || !(height > 0 && height < 100000)) return;
      var frames = d.querySelectorAll('iframe[data-cds17-frame]');
      for (var i = 0; i < frames.length; i++) {
        if (frames[i].contentWindow === event.source) frames[i].style.height = Math.ceil(height) + 'px';
      }
    });

    // Four tasks, each short enough not to hold up the host page (a task
    // over 50 ms counts in its Lighthouse score): this one, which sets up;
    // the wasm's start (above); the stylesheet; the paint.
    nextTask(function () {
      stylesheet();
      nextTask(function () {
        api.scan(d);
        if (d.readyState === 'loading') {
          d.addEventListener('DOMContentLoaded', renderInPlaceIfAlone);
        } else {
          renderInPlaceIfAlone();
        }
      });
    });
  } catch (error) {
    warn('the widget could not start, so the page keeps its own content.', error);
  }
})();
