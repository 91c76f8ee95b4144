// What the benchmark reads from a host page: when the start card's text and
// the whole widget were on screen, long tasks, layout shifts, and, with
// ?press=N in the address, how long a press on flip made N ms after the first
// paint takes to show. Loaded first, before the widget's script; it reads
// cds17 and the floor alike.
(function () {
  var bench = (window.__bench = { longTasks: [], shifts: [], painted: null, ready: null, textPainted: null, flipPainted: null });
  var START_TEXT = '.cds17-slot[data-shown="true"] .cds17-face-before .cds17-text, .card:not([hidden]) .front p';
  var FLIP = '.cds17-slot[data-shown="true"] .cds17-flip, .card:not([hidden]) .flip';
  var FLIPPED = '.cds17-slot[data-shown="true"] .cds17-card[data-flipped="true"], .card.flipped:not([hidden])';
  try {
    new PerformanceObserver(function (list) {
      list.getEntries().forEach(function (entry) {
        bench.longTasks.push({ start: entry.startTime, duration: entry.duration });
      });
    }).observe({ type: 'longtask', buffered: true });
    new PerformanceObserver(function (list) {
      list.getEntries().forEach(function (entry) {
        if (!entry.hadRecentInput) bench.shifts.push({ at: entry.startTime, value: entry.value });
      });
    }).observe({ type: 'layout-shift', buffered: true });
  } catch (ignored) {}

  // Marks for the breakdown (tests/bench/breakdown.mjs), which reads them
  // from a Chromium trace: the shadow root made, and the wasm compiled and
  // instantiated (wasm-bindgen's glue calls one of these two).
  function mark(name) {
    try {
      performance.mark('bench:' + name);
    } catch (ignored) {}
  }
  var attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    var root = attachShadow.call(this, init);
    if (this.hasAttribute('data-cds17')) mark('shadow');
    return root;
  };
  ['instantiateStreaming', 'instantiate'].forEach(function (name) {
    var original = WebAssembly[name];
    if (!original) return;
    WebAssembly[name] = function () {
      mark('compile');
      return original.apply(WebAssembly, arguments).then(function (result) {
        mark('instantiated');
        return result;
      });
    };
  });

  function find(selector) {
    var host = document.querySelector('[data-cds17]');
    var shadow = host && host.shadowRoot;
    return shadow ? shadow.querySelector(selector) : null;
  }
  // `then(time)` two frames after the first frame in which `selector`
  // names something laid out: the frame that shows it has been painted.
  function whenShown(selector, then, laidOut) {
    requestAnimationFrame(function look() {
      var found = find(selector);
      if (!found || !found.getClientRects().length || !found.textContent.trim()) return requestAnimationFrame(look);
      if (laidOut) laidOut();
      requestAnimationFrame(function () {
        requestAnimationFrame(function () {
          then(performance.now());
        });
      });
    });
  }

  // Says on the console that `name` has been measured. The bench waits for
  // these, not by evaluating script in the page: Playwright's injected
  // script takes some 100-200 ms at 4x CPU, and would land between the
  // loader's tasks.
  function measured(name) {
    try {
      console.debug('cds17-bench:' + name);
    } catch (ignored) {}
  }

  var press = Number(new URLSearchParams(location.search).get('press'));
  whenShown(START_TEXT, function (time) {
    bench.textPainted = time;
    mark('text');
    if (!press) return;
    setTimeout(function () {
      var pressedAt = performance.now();
      find(FLIP).click();
      whenShown(FLIPPED, function (time) {
        bench.flipPainted = time - pressedAt;
        measured('flipPainted');
      });
    }, press);
  }, function () {
    // The frame that lays it out paints it: the breakdown finds that paint
    // in the trace.
    mark('laidOut');
  });
  document.addEventListener('cds17:ready', function () {
    bench.ready = performance.now();
    mark('ready');
    // The frame after the one that rendered the cards: they are on screen.
    requestAnimationFrame(function () {
      requestAnimationFrame(function () {
        bench.painted = performance.now();
        measured('painted');
      });
    });
  });
})();
