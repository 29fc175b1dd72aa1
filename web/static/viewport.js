// Zoom, pan and follow. The layout is the server's; this only chooses which part of the
// drawing is on screen, and how large: the drawing is scaled so that its text is readable (from
// the back row in presenter mode), shown whole when it fits at that size, and otherwise scrolled
// to keep the current node and the nodes it reads or feeds in view.

const STEP = 1.25;
const READABLE = { desk: 1, present: 2 };  // the smallest scale a step is shown at
const LARGEST = { desk: 2.2, present: 3.2 }; // a small graph is drawn up to this large to fill the stage
const MIN_SCALE = 0.05;

export function createViewport(root) {
  const stage = root.querySelector('.viewport');
  let svg = null;
  let base = [0, 0, 1, 1];
  let scale = 1;
  let chosen = false; // the learner zoomed: keep their scale across steps and redraws

  const mode = () => (document.documentElement.classList.contains('presenter') ? 'present' : 'desk');
  const fitScale = () => Math.min(stage.clientWidth / base[2], stage.clientHeight / base[3]);

  function size() {
    svg.setAttribute('width', String(Math.round(base[2] * scale)));
    svg.setAttribute('height', String(Math.round(base[3] * scale)));
    root.classList.toggle('zoomed', scale > fitScale() + 1e-6);
  }

  /** The scale a drawing opens at: whole if it fits readably, else readable and scrolled. */
  function natural() {
    const m = mode();
    const fit = fitScale();
    return fit >= READABLE[m] ? Math.min(fit, LARGEST[m]) : READABLE[m];
  }

  function setScale(next, anchor) {
    const a = anchor || { x: (stage.scrollLeft + stage.clientWidth / 2) / scale, y: (stage.scrollTop + stage.clientHeight / 2) / scale,
      sx: stage.clientWidth / 2, sy: stage.clientHeight / 2 };
    scale = Math.max(MIN_SCALE, Math.min(LARGEST.present * 2, next));
    size();
    stage.scrollTo({ left: a.x * scale - a.sx, top: a.y * scale - a.sy, behavior: 'instant' });
  }

  /** A box in drawing units, read from the server's attributes (no layout pass needed). */
  function box(g) {
    const m = g.transform.baseVal.consolidate();
    const rect = g.querySelector('rect');
    return { x: m ? m.matrix.e : 0, y: m ? m.matrix.f : 0, w: rect.width.baseVal.value, h: rect.height.baseVal.value };
  }

  /** Keeps the current node, and as many of the nodes it reads or feeds as fit, on screen. */
  function reveal() {
    const current = svg.querySelector('g.node.current');
    if (!current) return;
    const c = box(current);
    let area = { ...c };
    for (const g of svg.querySelectorAll('g.node.reading, g.node.receiving')) {
      const b = box(g);
      const x0 = Math.min(area.x, b.x);
      const y0 = Math.min(area.y, b.y);
      const next = { x: x0, y: y0, w: Math.max(area.x + area.w, b.x + b.w) - x0, h: Math.max(area.y + area.h, b.y + b.h) - y0 };
      if (next.w * scale <= stage.clientWidth && next.h * scale <= stage.clientHeight) area = next;
    }
    const left = stage.scrollLeft / scale;
    const top = stage.scrollTop / scale;
    const inside = area.x >= left && area.y >= top && area.x + area.w <= left + stage.clientWidth / scale
        && area.y + area.h <= top + stage.clientHeight / scale;
    if (inside) return;
    stage.scrollTo({ left: (area.x + area.w / 2) * scale - stage.clientWidth / 2,
      top: (area.y + area.h / 2) * scale - stage.clientHeight / 2, behavior: 'instant' });
  }

  function bind(next) {
    svg = next;
    base = svg.getAttribute('data-view-box').split(' ').map(Number);
    svg.setAttribute('viewBox', base.join(' '));
    scale = chosen ? scale : natural();
    size();
  }

  for (const button of root.querySelectorAll('[data-zoom]')) {
    button.addEventListener('click', () => {
      const how = button.dataset.zoom;
      if (how === 'fit') fit();
      else zoom(how === 'in' ? STEP : 1 / STEP);
    });
  }

  function zoom(factor, event) {
    chosen = true;
    setScale(scale * factor, event ? anchorAt(event.clientX, event.clientY) : null);
  }

  /** The drawing point under a screen point, and where it is on the stage, so zooming keeps it there. */
  function anchorAt(clientX, clientY) {
    const r = stage.getBoundingClientRect();
    const sx = clientX - r.left;
    const sy = clientY - r.top;
    return { x: (stage.scrollLeft + sx) / scale, y: (stage.scrollTop + sy) / scale, sx, sy };
  }

  function fit() {
    chosen = true;
    setScale(fitScale());
  }

  // ctrl/⌘ + wheel (and a trackpad pinch, which the browser sends as one) zooms about the pointer
  stage.addEventListener('wheel', (event) => {
    if (!event.ctrlKey && !event.metaKey) return;
    event.preventDefault();
    zoom(event.deltaY < 0 ? STEP : 1 / STEP, event);
  }, { passive: false });

  // drag the background with a mouse to pan
  let drag = null;
  stage.addEventListener('pointerdown', (event) => {
    if (event.pointerType !== 'mouse' || event.target.closest('g.node, .group-toggle')) return;
    drag = { x: event.clientX, y: event.clientY };
    stage.setPointerCapture(event.pointerId);
  });
  stage.addEventListener('pointermove', (event) => {
    if (!drag) return;
    stage.scrollBy(drag.x - event.clientX, drag.y - event.clientY);
    drag = { x: event.clientX, y: event.clientY };
  });
  stage.addEventListener('pointerup', () => { drag = null; });

  // Two fingers pinch-zoom the graph about their midpoint. One finger pans natively (the stage's
  // touch-action is pan-x pan-y: the browser scrolls it, and the page once the stage is at its edge).
  let pinch = null;
  const spread = (t) => Math.hypot(t[0].clientX - t[1].clientX, t[0].clientY - t[1].clientY);
  const middle = (t) => [(t[0].clientX + t[1].clientX) / 2, (t[0].clientY + t[1].clientY) / 2];
  stage.addEventListener('touchstart', (event) => {
    if (event.touches.length === 2) pinch = { spread: spread(event.touches), scale };
  }, { passive: true });
  stage.addEventListener('touchmove', (event) => {
    if (!pinch || event.touches.length !== 2) return;
    if (event.cancelable) event.preventDefault();
    chosen = true;
    setScale(pinch.scale * spread(event.touches) / Math.max(1, pinch.spread), anchorAt(...middle(event.touches)));
  }, { passive: false });
  const release = (event) => { if (event.touches.length < 2) pinch = null; };
  stage.addEventListener('touchend', release);
  stage.addEventListener('touchcancel', release);

  return {
    bind,
    reveal,
    zoomIn: () => zoom(STEP),
    zoomOut: () => zoom(1 / STEP),
    fit,
    /** Presenter mode on or off: after its styles have resized the stage, the drawing is scaled afresh. */
    present() {
      requestAnimationFrame(() => {
        chosen = false;
        scale = natural();
        size();
        reveal();
      });
    },
  };
}
