// Loaded first, as a classic same-origin script, by the pages under test (test/dist, test/csp):
// records what the widget must never do, from before any module runs.
(() => {
  const probe = (window.probe = { violations: [], storage: [], cookies: [] });
  document.addEventListener('securitypolicyviolation', (e) => {
    probe.violations.push({ directive: e.violatedDirective, blocked: e.blockedURI, source: e.sourceFile, line: e.lineNumber, sample: e.sample });
  });
  for (const method of ['setItem', 'removeItem', 'clear']) {
    const original = Storage.prototype[method];
    Storage.prototype[method] = function (...args) {
      probe.storage.push([this === window.localStorage ? 'localStorage' : 'sessionStorage', method, ...args]);
      return original.apply(this, args);
    };
  }
  const cookie = Object.getOwnPropertyDescriptor(Document.prototype, 'cookie');
  Object.defineProperty(Document.prototype, 'cookie', {
    ...cookie,
    set(value) {
      probe.cookies.push(value);
      cookie.set.call(this, value);
    },
  });
})();
