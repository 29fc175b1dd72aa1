// Paints one step of a replay onto the server-rendered SVG and narration. It never computes
// a value, a gradient, a class or a coordinate: it sets the texts and classes the replay's
// entries hold at that step, and touches only what changed since the step it last painted.
// When a group opens or shuts the server sends a new drawing; bind() takes it over.

export function createPainter(root, replay) {
  const narration = {
    headline: root.querySelector('.narration .headline'),
    text: root.querySelector('.narration .text'),
    sends: root.querySelector('.narration .sends'),
  };
  let nodes = [];   // node id → its box, and the shut group boxes that show its texts
  let edges = [];   // node-level edge → the drawn wire that carries it
  let painted = 0;  // the step the drawing shows
  let lit = null;   // the frame whose highlights are on: kept, since its window may since have been dropped

  /** Takes over a drawing the server rendered at step s. */
  function bind(svg, s) {
    nodes = [];
    const add = (id, el) => (nodes[id] || (nodes[id] = { boxes: [], texts: [] })) && nodes[id][el.box ? 'boxes' : 'texts'].push(el);
    // a shut group's box repeats its output node's value and gradient (data-shows names the node)
    for (const g of svg.querySelectorAll('g.node, g.group.shut')) {
      const el = { g, value: g.querySelector('text.value, tspan.value'), grad: g.querySelector('text.grad') };
      if (g.dataset.nodeId !== undefined) add(Number(g.dataset.nodeId), { ...el, box: true });
      else if (g.dataset.shows !== undefined && Number(g.dataset.shows) >= 0) add(Number(g.dataset.shows), el);
    }
    edges = [];
    for (const g of svg.querySelectorAll('g.edge')) {
      const wire = { g, label: g.querySelector('text.edge-label') };
      for (const e of g.dataset.edges.split(' ')) edges[Number(e)] = wire;
    }
    painted = s;
    lit = replay.frame(s) || null;
  }

  function paintNode(id, s) {
    const shown = nodes[id];
    if (!shown) return; // inside a shut group: nothing of it is drawn
    const entry = replay.shown(id, s);
    if (!entry) return; // it changes nowhere in the steps held: it shows what the server drew
    const [, value, grad, gradClass, known] = entry;
    for (const el of shown.boxes.concat(shown.texts)) {
      setText(el.value, value);
      setText(el.grad, grad);
      if (el.grad.getAttribute('class') !== gradClass) el.grad.setAttribute('class', gradClass);
    }
    for (const el of shown.boxes) el.g.classList.toggle('known', known);
  }

  function paintNodes(s) {
    const ids = replay.changed(painted, s);
    if (ids === null) for (let id = 0; id < nodes.length; id++) paintNode(id, s);
    else for (const id of ids) paintNode(id, s);
  }

  function highlight(frame, on) {
    if (!frame) return;
    for (const [id, cls] of frame.marks) for (const el of nodes[id] ? nodes[id].boxes : []) el.g.classList.toggle(cls, on);
    const current = frame.node >= 0 && nodes[frame.node] ? nodes[frame.node].boxes[0] : null;
    if (current) {
      if (on) current.g.setAttribute('aria-current', 'step');
      else current.g.removeAttribute('aria-current');
    }
    for (const [e, cls, label] of frame.edges) {
      const wire = edges[e];
      if (!wire) continue;
      for (const c of cls.split(' ')) wire.g.classList.toggle(c, on);
      if (label || !on) setText(wire.label, on ? label : '');
    }
  }

  function paintNarration(s) {
    const frame = replay.frame(s);
    setText(narration.headline, frame.headline);
    setText(narration.text, frame.text);
    const items = frame.sends.map((text) => {
      const li = document.createElement('li');
      li.textContent = text;
      return li;
    });
    narration.sends.replaceChildren(...items);
  }

  return {
    bind,
    paint(s) {
      highlight(lit, false);
      paintNodes(s);
      lit = replay.frame(s);
      highlight(lit, true);
      paintNarration(s);
      painted = s;
    },
    /** The step the drawing shows. */
    painted: () => painted,
    /** The texts a node shows right now, for the details panel. */
    shown(id) {
      const box = nodes[id] && nodes[id].boxes[0];
      return box ? { value: box.value.textContent, grad: box.grad.textContent } : { value: '', grad: '' };
    },
  };
}

function setText(el, text) {
  if (el && el.textContent !== text) el.textContent = text;
}
