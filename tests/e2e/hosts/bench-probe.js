// What the benchmark reads from a host page: when the cards were painted,
// long tasks, layout shifts. Loaded first, before the widget's script.
(function () {
  var bench = (window.__bench = { longTasks: [], shifts: [], painted: null, ready: null });
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
  document.addEventListener('cds17:ready', function () {
    bench.ready = performance.now();
    // The frame after the one that rendered the cards: they are on screen.
    requestAnimationFrame(function () {
      requestAnimationFrame(function () {
        bench.painted = performance.now();
      });
    });
  });
})();
