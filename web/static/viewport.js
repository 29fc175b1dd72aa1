// Zoom, pan and fit-to-screen for large graphs, by changing the SVG's viewBox. The layout
// itself is the server's; this only chooses which part of it is on screen.
//
// A graph that would shrink below READABLE when fitted (a curve fit over a dozen points is a
// tall column of a few hundred boxes) opens instead at a readable scale, on a stage as wide as
// the page, following the current node; "Fit" still shows it whole.

const STEP = 1.25;
const READABLE = 0.6; // below this scale the node texts are too small to read
const OPEN_AT = 0.9;  // the scale a large graph opens at

export function createViewport(root) {
  const svg = root.querySelector('svg.graph');
  const base = svg.getAttribute('data-view-box').split(' ').map(Number);
  const fitted = Math.min(svg.clientWidth / base[2], (svg.clientHeight || Infinity) / base[3]);
  const large = fitted > 0 && fitted < READABLE;
  if (large) root.classList.add('large-graph'); // CSS gives the svg the stage's full width and height

  /** Height per width of what is on screen: the element's own once it fills the stage. */
  function aspect() {
    return large && svg.clientWidth > 0 ? svg.clientHeight / svg.clientWidth : base[3] / base[2];
  }

  /** The smallest window of the screen's aspect that holds the whole graph, centred on it. */
  function whole() {
    const a = aspect();
    let w = base[2];
    let h = w * a;
    if (h < base[3]) {
      h = base[3];
      w = h / a;
    }
    return [base[0] + (base[2] - w) / 2, base[1] + (base[3] - h) / 2, w, h];
  }

  let box = whole();
  if (large) {
    const w = svg.clientWidth / OPEN_AT;
    const h = svg.clientHeight / OPEN_AT;
    // open on the first node (an input, at the left), until a step moves the view
    const first = root.querySelector('g.node');
    const m = first && first.transform.baseVal.consolidate();
    const y = m ? m.matrix.f + first.getBBox().height / 2 - h / 2 : base[1];
    box = [base[0], Math.max(base[1], Math.min(y, base[1] + base[3] - h)), w, h];
  }

  function apply() {
    svg.setAttribute('viewBox', box.map((v) => Math.round(v * 10) / 10).join(' '));
    root.classList.toggle('zoomed', box[2] < whole()[2] - 0.5);
  }

  function zoom(factor, cx = box[0] + box[2] / 2, cy = box[1] + box[3] / 2) {
    const all = whole();
    const w = Math.min(all[2], Math.max(base[2] / 40, box[2] / factor));
    const h = w * aspect();
    box = [cx - (cx - box[0]) * (w / box[2]), cy - (cy - box[1]) * (h / box[3]), w, h];
    if (w >= all[2]) box = all;
    apply();
  }

  /** Keeps a node in view when zoomed in, by panning the least distance that shows it. */
  function reveal(g) {
    if (!g || box[2] >= whole()[2] - 0.5) return;
    const r = g.getBBox();
    const m = g.transform.baseVal.consolidate();
    const x = m ? m.matrix.e : 0;
    const y = m ? m.matrix.f : 0;
    if (x >= box[0] && x + r.width <= box[0] + box[2] && y >= box[1] && y + r.height <= box[1] + box[3]) return;
    box = [x + r.width / 2 - box[2] / 2, y + r.height / 2 - box[3] / 2, box[2], box[3]];
    apply();
  }

  for (const button of root.querySelectorAll('[data-zoom]')) {
    button.addEventListener('click', () => {
      const how = button.dataset.zoom;
      if (how === 'fit') {
        box = whole();
        apply();
      } else {
        zoom(how === 'in' ? STEP : 1 / STEP);
      }
    });
  }

  // ctrl/⌘ + wheel zooms about the pointer; a plain wheel keeps scrolling the page
  svg.addEventListener('wheel', (event) => {
    if (!event.ctrlKey && !event.metaKey) return;
    event.preventDefault();
    const p = toGraph(event);
    zoom(event.deltaY < 0 ? STEP : 1 / STEP, p.x, p.y);
  }, { passive: false });

  let drag = null;
  svg.addEventListener('pointerdown', (event) => {
    if (!root.classList.contains('zoomed') || event.target.closest('g.node, .cluster-toggle')) return;
    drag = { x: event.clientX, y: event.clientY, box: box.slice() };
    svg.setPointerCapture(event.pointerId);
  });
  svg.addEventListener('pointermove', (event) => {
    if (!drag) return;
    const scale = box[2] / svg.clientWidth;
    box = [drag.box[0] - (event.clientX - drag.x) * scale, drag.box[1] - (event.clientY - drag.y) * scale, box[2], box[3]];
    apply();
  });
  svg.addEventListener('pointerup', () => { drag = null; });

  function toGraph(event) {
    const rect = svg.getBoundingClientRect();
    return {
      x: box[0] + ((event.clientX - rect.left) / rect.width) * box[2],
      y: box[1] + ((event.clientY - rect.top) / rect.height) * box[3],
    };
  }

  apply();
  return {
    zoomIn: () => zoom(STEP),
    zoomOut: () => zoom(1 / STEP),
    fit: () => { box = whole(); apply(); },
    reveal,
  };
}
