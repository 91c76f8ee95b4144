// Records the widget's events in window.events. They bubble and cross the
// shadow boundary, so the page can listen once.
window.events = [];
['cds17:ready', 'cds17:change', 'cds17:flip'].forEach(function (name) {
  document.addEventListener(name, function (event) {
    window.events.push({ type: event.type, target: event.target.id, detail: event.detail });
  });
});
