/*! cds17: 17 điểm khác nhau giữa ứng dụng CNTT và chuyển đổi số */
// The loader. It runs on every page that carries the tag, before anything
// else of ours, so it stays small: find placeholders, start the wasm, mount.
// Behaviour belongs in Rust. `cargo xtask dist` folds wasm-bindgen's glue in
// where the marker below stands and fills in the __CDS17_…__ values.
//
// Whatever fails, the host page keeps working: nothing here throws into the
// page, no promise of ours is left rejected, and a placeholder that cannot
// get the widget shows its own content, or a link to the full explainer.
(function () {
  'use strict';
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
  // The cards' text, a file per language, beside the wasm.
  var TEXT_FILES = { vi: '__CDS17_TEXT_VI__', en: '__CDS17_TEXT_EN__' };
  var TEXT_INTEGRITY = { vi: '__CDS17_TEXT_VI_INTEGRITY__', en: '__CDS17_TEXT_EN_INTEGRITY__' };
  var script = d.currentScript;

  function warn(message, detail) {
    try {
      console.warn('cds17: ' + message, detail === undefined ? '' : detail);
    } catch (ignored) {
      // No console: nothing to say it on.
    }
  }

  /*__CDS17_GLUE__*/

  // The wasm and the standalone page sit beside this file, wherever the host
  // serves it from.
  var base;
  try {
    base = new URL('./', script && script.src ? script.src : d.baseURI).href;
  } catch (error) {
    base = './';
  }

  // Started at once: the download overlaps everything else the page does.
  var loadFailed = false;
  var ready = new Promise(function (resolve) {
    if (typeof WebAssembly !== 'object') throw new Error('this browser has no WebAssembly');
    resolve(
      wasm_bindgen({
        module_or_path: WASM_INLINE
          ? Uint8Array.from(atob(WASM_INLINE), function (c) {
              return c.charCodeAt(0);
            })
          : fetch(base + WASM_FILE, { credentials: 'omit', integrity: WASM_INTEGRITY }),
      }),
    );
  }).then(function () {
    return wasm_bindgen;
  });
  ready.catch(function (error) {
    loadFailed = true;
    warn('the widget could not start, so the page keeps its own content.', error);
    for (var i = 0; i < tracked.length; i++) showFallback(tracked[i]);
  });

  // A language's text, fetched once for every widget on the page, and only
  // when a widget needs it: no visitor downloads a language they do not read.
  var texts = {};
  function text(lang) {
    if (!texts[lang]) {
      texts[lang] = fetch(base + TEXT_FILES[lang], { credentials: 'omit', integrity: TEXT_INTEGRITY[lang] }).then(
        function (response) {
          if (!response.ok) throw new Error(response.status + ' ' + response.url);
          return response.text();
        },
      );
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

  // What a widget was given for option `name`, as the wasm reads it: the
  // options object over ?name= (see queryOf) over data-name; null if none.
  function given(element, options, query, name) {
    if (options && options[name] != null) return options[name];
    if (query && query[name] != null) return query[name];
    return element.getAttribute('data-' + name);
  }

  // The language a widget starts in: Vietnamese for anything but English.
  // Its text is fetched at once, beside the wasm.
  function startLang(element, options, query) {
    var lang = given(element, options, query, 'lang');
    var primary = typeof lang === 'string' ? lang.trim().split(/[-_]/)[0].toLowerCase() : '';
    return primary === 'en' ? 'en' : 'vi';
  }

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
      if (shadow && !shadow.querySelector('.cds17-root:not(.cds17-pending)')) {
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
    ['lang', 'card', 'view', 'theme', 'deeplink'].forEach(function (name) {
      if (search.has(name)) query[name] = search.get(name);
    });
    return query;
  }

  // The placeholder's open shadow root, with the stylesheet and the element
  // the widget mounts into. Until the wasm arrives, that holds the widget's
  // frame: its background, and the height it is going to take
  // (src/components/reserve.css), so that nothing on the page moves when
  // it comes. The wasm replaces the frame. Called again, it gives the same
  // element: one widget per placeholder.
  function frame(element, options, query) {
    var shadow = element.shadowRoot || element.attachShadow({ mode: 'open' });
    var mount = shadow.querySelector('.cds17-mount');
    if (mount) return mount;
    var pick = function (name, fallback) {
      var value = given(element, options, query, name);
      return value == null ? fallback : String(value).trim().toLowerCase();
    };
    mount = d.createElement('div');
    mount.className = 'cds17-mount';
    var root = d.createElement('div');
    root.className = 'cds17-root cds17-pending';
    root.setAttribute('lang', startLang(element, options, query));
    root.setAttribute('data-view', pick('view', 'deck'));
    root.setAttribute('data-theme', pick('theme', 'light'));
    mount.appendChild(root);
    // Also clears the <slot> that an unmount leaves to show the placeholder's
    // own content.
    shadow.replaceChildren(mount);
    var sheet = stylesheet();
    if (typeof sheet === 'string') {
      var style = d.createElement('style');
      style.textContent = sheet;
      shadow.appendChild(style);
    } else {
      shadow.adoptedStyleSheets = [sheet];
    }
    return mount;
  }

  // A widget's handle: each method is one verb of the wasm's `command`,
  // in the order of `mod verb` in src/embed.rs.
  function handle(wasm, id) {
    var verb = function (code) {
      return function (value) {
        wasm.command(id, code, value);
      };
    };
    return { goTo: verb(0), next: verb(1), prev: verb(2), flip: verb(3), setLang: verb(4), destroy: verb(5) };
  }

  // One constructed stylesheet for every widget on the page; where the
  // browser cannot construct one (Safari before 16.4), the text, for a
  // <style> in each shadow root.
  var sheet;
  function stylesheet() {
    if (!sheet) {
      try {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(STYLESHEET);
      } catch (error) {
        sheet = STYLESHEET;
      }
    }
    return sheet;
  }

  // The widget's events, dispatched on the placeholder when the wasm says:
  // cds17:ready { version, lang, card }, cds17:change { card } and
  // cds17:flip { card, side }.
  function emit(element, name, card, extra) {
    var detail = { card: card };
    if (name === 'cds17:ready') detail = { version: VERSION, lang: extra, card: card };
    if (name === 'cds17:flip') detail.side = extra;
    element.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true, detail: detail }));
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
      var lang = startLang(element, options, query);
      try {
        if (!loadFailed && typeof WebAssembly === 'object') frame(element, options, query);
      } catch (ignored) {
        // No shadow DOM here: mounting fails below, and the fallback stays.
      }
      var mounted = inTurn(element, function () {
        return Promise.all([ready, text(lang)]).then(function (got) {
          var wasm = got[0];
          wasm.add_text(lang, got[1]);
          var mount = frame(element, options, query);
          return handle(wasm, wasm.mount(element, mount, options, query, emit, needText, base + 'the/'));
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
    var ours = new URL(base, d.baseURI).origin;
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

    api.scan(d);
    if (d.readyState === 'loading') {
      d.addEventListener('DOMContentLoaded', renderInPlaceIfAlone);
    } else {
      renderInPlaceIfAlone();
    }
  } catch (error) {
    warn('the widget could not start, so the page keeps its own content.', error);
  }
})();
