// Records what a strict page sees: CSP violations and the widget's events.
// An external file, because these pages allow no inline script.
window.violations = [];
document.addEventListener(
  'securitypolicyviolation',
  function (event) {
    window.violations.push(event.violatedDirective + ' ' + event.blockedURI);
  },
  true,
);
window.readyEvents = 0;
document.addEventListener('cds17:ready', function () {
  window.readyEvents += 1;
});
