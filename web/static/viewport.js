// Zoom, pan and fit-to-screen. The layout itself is the server's; this only chooses which part
// of it is on screen, and how large.
//
// A graph that fits the stage at a readable scale is zoomed by changing the SVG's viewBox.
// A larger one (a curve fit over a dozen points is a tall column of a few hundred boxes) opens
// at a readable scale in a scrolling stage as wide as the page and follows the current node by
// scrolling: a scroll moves pixels already drawn, where a viewBox change would lay out every
// text of the graph again (about 30 ms for 500 nodes, more than a frame per step).

const STEP = 1.25;
const READABLE = 0.6; // below this scale the node texts are too small to read
const OPEN_AT = 0.9;  // the scale a large graph opens at
const PRESENT_AT = 1.5; // in presenter mode: readable from the back of a lecture hall
const MAX_SCALE = 3;
const FEW = 30;       // graphs up to this many nodes are always shown whole

export function createViewport(root) {
  const svg = root.querySelector('svg.graph');
  const stage = svg.parentElement;
  const base = svg.getAttribute('data-view-box').split(' ').map(Number);
  const fitted = Math.min(svg.clientWidth / base[2], (svg.clientHeight || Infinity) / base[3]);
  // a handful of boxes reads better whole, even small (a lesson in a narrow iframe), than scrolled
  const many = svg.querySelectorAll('g.node').length > FEW;
  const view = many && fitted > 0 && fitted < READABLE ? scrolling(root, svg, stage, base) : boxed(root, svg, base);

  for (const button of root.querySelectorAll('[data-zoom]')) {
    button.addEventListener('click', () => {
      const how = button.dataset.zoom;
      if (how === 'fit') view.fit();
      else view.zoom(how === 'in' ? STEP : 1 / STEP);
    });
  }

  // ctrl/⌘ + wheel zooms about the pointer; a plain wheel scrolls as usual
  svg.addEventListener('wheel', (event) => {
    if (!event.ctrlKey && !event.metaKey) return;
    event.preventDefault();
    view.zoom(event.deltaY < 0 ? STEP : 1 / STEP, event);
  }, { passive: false });

  // drag the background to pan (nodes and cluster toggles keep their clicks)
  let drag = null;
  svg.addEventListener('pointerdown', (event) => {
    if (!root.classList.contains('zoomed') || event.target.closest('g.node, .cluster-toggle')) return;
    drag = { x: event.clientX, y: event.clientY };
    svg.setPointerCapture(event.pointerId);
  });
  svg.addEventListener('pointermove', (event) => {
    if (!drag) return;
    view.panBy(event.clientX - drag.x, event.clientY - drag.y);
    drag = { x: event.clientX, y: event.clientY };
  });
  svg.addEventListener('pointerup', () => { drag = null; });

  return {
    zoomIn: () => view.zoom(STEP),
    zoomOut: () => view.zoom(1 / STEP),
    fit: () => view.fit(),
    reveal: (g) => { if (g) view.reveal(g); },
    /** Presenter mode on or off: a large graph is drawn bigger (a fitted one already fills the screen). */
    present: (on) => { if (view.present) view.present(on); },
  };
}

/** A node's box in graph units, read from the server's attributes (no layout pass needed). */
function nodeBox(g) {
  const m = g.transform.baseVal.consolidate();
  const rect = g.querySelector('rect');
  return {
    x: m ? m.matrix.e : 0,
    y: m ? m.matrix.f : 0,
    w: rect ? rect.width.baseVal.value : 0,
    h: rect ? rect.height.baseVal.value : 0,
  };
}

/** Small graphs: the SVG is fitted to the stage; zoom and pan move its viewBox. */
function boxed(root, svg, base) {
  let box = base.slice();

  function apply() {
    svg.setAttribute('viewBox', box.map((v) => Math.round(v * 10) / 10).join(' '));
    root.classList.toggle('zoomed', box[2] < base[2]);
  }

  function toGraph(event) {
    const rect = svg.getBoundingClientRect();
    return {
      x: box[0] + ((event.clientX - rect.left) / rect.width) * box[2],
      y: box[1] + ((event.clientY - rect.top) / rect.height) * box[3],
    };
  }

  return {
    zoom(factor, event) {
      const p = event ? toGraph(event) : { x: box[0] + box[2] / 2, y: box[1] + box[3] / 2 };
      const w = Math.min(base[2], Math.max(base[2] / 40, box[2] / factor));
      const h = w * (base[3] / base[2]);
      box = [p.x - (p.x - box[0]) * (w / box[2]), p.y - (p.y - box[1]) * (h / box[3]), w, h];
      if (w >= base[2]) box = base.slice();
      apply();
    },
    fit() {
      box = base.slice();
      apply();
    },
    panBy(dx, dy) {
      const unit = box[2] / svg.clientWidth;
      box = [box[0] - dx * unit, box[1] - dy * unit, box[2], box[3]];
      apply();
    },
    /** Keeps a node in view when zoomed in, by centring it when it has left the window. */
    reveal(g) {
      if (box[2] >= base[2]) return;
      const n = nodeBox(g);
      if (n.x >= box[0] && n.x + n.w <= box[0] + box[2] && n.y >= box[1] && n.y + n.h <= box[1] + box[3]) return;
      box = [n.x + n.w / 2 - box[2] / 2, n.y + n.h / 2 - box[3] / 2, box[2], box[3]];
      apply();
    },
  };
}

/** Large graphs: the SVG is drawn at a readable size in a scrolling stage; pan is a scroll. */
function scrolling(root, svg, stage, base) {
  root.classList.add('large-graph'); // CSS makes the stage a fixed-height scroll box
  svg.setAttribute('viewBox', base.join(' '));
  let scale = OPEN_AT;
  const fitScale = () => Math.min(stage.clientWidth / base[2], stage.clientHeight / base[3]);

  function size() {
    svg.setAttribute('width', Math.round(base[2] * scale));
    svg.setAttribute('height', Math.round(base[3] * scale));
    root.classList.toggle('zoomed', scale > fitScale() + 1e-6);
  }

  /** Scrolls so that graph point (x, y) sits at screen offset (sx, sy) within the stage. */
  function place(x, y, sx, sy) {
    stage.scrollTo({ left: (x - base[0]) * scale - sx, top: (y - base[1]) * scale - sy, behavior: 'instant' });
  }

  function centre() {
    return {
      x: base[0] + (stage.scrollLeft + stage.clientWidth / 2) / scale,
      y: base[1] + (stage.scrollTop + stage.clientHeight / 2) / scale,
    };
  }

  function setScale(next, anchor) {
    const a = anchor || { x: centre().x, y: centre().y, sx: stage.clientWidth / 2, sy: stage.clientHeight / 2 };
    scale = Math.min(MAX_SCALE, Math.max(fitScale(), next));
    size();
    place(a.x, a.y, a.sx, a.sy);
  }

  size();
  // open on the first node (an input, at the left) until a step moves the view
  const first = root.querySelector('g.node');
  if (first) {
    const n = nodeBox(first);
    place(base[0], n.y + n.h / 2, 0, stage.clientHeight / 2);
  }

  return {
    zoom(factor, event) {
      let anchor = null;
      if (event) {
        const r = stage.getBoundingClientRect();
        const sx = event.clientX - r.left;
        const sy = event.clientY - r.top;
        anchor = { x: base[0] + (stage.scrollLeft + sx) / scale, y: base[1] + (stage.scrollTop + sy) / scale, sx, sy };
      }
      setScale(scale * factor, anchor);
    },
    fit() {
      setScale(fitScale());
    },
    present(on) {
      // after the presenter styles have resized the stage, keep the current node in view
      requestAnimationFrame(() => {
        setScale(on ? PRESENT_AT : OPEN_AT);
        const current = root.querySelector('g.node.current');
        if (current) this.reveal(current);
      });
    },
    panBy(dx, dy) {
      stage.scrollBy(-dx, -dy);
    },
    /** Scrolls the least it must to show the node, centring it when it is out of view. */
    reveal(g) {
      const n = nodeBox(g);
      const left = (n.x - base[0]) * scale;
      const top = (n.y - base[1]) * scale;
      const inside = left >= stage.scrollLeft && left + n.w * scale <= stage.scrollLeft + stage.clientWidth
          && top >= stage.scrollTop && top + n.h * scale <= stage.scrollTop + stage.clientHeight;
      if (!inside) place(n.x + n.w / 2, n.y + n.h / 2, stage.clientWidth / 2, stage.clientHeight / 2);
    },
  };
}
