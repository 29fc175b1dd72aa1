// Zoom, pan and fit-to-screen for large graphs, by changing the SVG's viewBox. The layout
// itself is the server's; this only chooses which part of it is on screen.

const STEP = 1.25;

export function createViewport(root) {
  const svg = root.querySelector('svg.graph');
  const base = svg.getAttribute('data-view-box').split(' ').map(Number);
  let box = base.slice();

  function apply() {
    svg.setAttribute('viewBox', box.map((v) => Math.round(v * 10) / 10).join(' '));
    root.classList.toggle('zoomed', box[2] < base[2]);
  }

  function zoom(factor, cx = box[0] + box[2] / 2, cy = box[1] + box[3] / 2) {
    const w = Math.min(base[2], Math.max(base[2] / 40, box[2] / factor));
    const h = w * (base[3] / base[2]);
    box = [cx - (cx - box[0]) * (w / box[2]), cy - (cy - box[1]) * (h / box[3]), w, h];
    if (w >= base[2]) box = base.slice();
    apply();
  }

  /** Keeps a node in view when zoomed in, by panning the least distance that shows it. */
  function reveal(g) {
    if (box[2] >= base[2]) return;
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
        box = base.slice();
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
    if (box[2] >= base[2] || event.target.closest('g.node')) return;
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

  return {
    zoomIn: () => zoom(STEP),
    zoomOut: () => zoom(1 / STEP),
    fit: () => { box = base.slice(); apply(); },
    reveal,
  };
}
