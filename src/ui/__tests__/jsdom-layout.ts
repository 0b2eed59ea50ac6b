// Layout that jsdom lacks but Fluent and tabster read, for component tests.
//
// Why offsetParent and the body's size matter: tabster treats an element
// whose offsetParent is null as display:none and a zero-sized <body> as a
// hidden iframe, so under plain jsdom it finds nothing focusable. A Dialog
// then focuses its own surface before tabster has registered the surface's
// modalizer, the modalizer never becomes active, and 250 ms later tabster's
// hidden-update marks the inactive dialog aria-hidden: the dialog's buttons
// vanish from getByRole whenever a query is slower than 250 ms.
export function installJsdomLayout({ width = 1000, height = 480 } = {}): void {
  // Fluent's charts and the virtualiser observe sizes.
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
  // The virtualiser needs a viewport to fill.
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => height });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => width });
  Object.defineProperty(HTMLElement.prototype, 'offsetParent', {
    configurable: true,
    get(this: HTMLElement) {
      if (this === this.ownerDocument.body || getComputedStyle(this).display === 'none') return null;
      return this.parentElement;
    },
  });
  HTMLBodyElement.prototype.getBoundingClientRect = () =>
    ({ x: 0, y: 0, top: 0, left: 0, right: width, bottom: height, width, height, toJSON: () => ({}) }) as DOMRect;
}
