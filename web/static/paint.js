// Paints one step of a replay onto the server-rendered SVG and narration. It never computes
// a value, a gradient, a class or a coordinate: it sets the texts and classes the replay's
// entries hold at that step, and touches only what changed since the step it last painted.

export function createPainter(root, replay) {
  const svg = root.querySelector('svg.graph');
  const nodes = [];
  for (const g of svg.querySelectorAll('g.node')) {
    nodes[Number(g.dataset.nodeId)] = {
      g,
      value: g.querySelector('text.value'),
      grad: g.querySelector('text.grad'),
    };
  }
  const edges = [];
  for (const g of svg.querySelectorAll('g.edge')) {
    edges[Number(g.dataset.edge)] = { g, label: g.querySelector('text.edge-label') };
  }
  const narration = {
    headline: root.querySelector('.narration .headline'),
    text: root.querySelector('.narration .text'),
    sends: root.querySelector('.narration .sends'),
  };
  // the server drew the page at this step: painting starts from there
  let painted = Number(root.dataset.step) || 0;

  function paintNode(id, s) {
    const el = nodes[id];
    const [, value, grad, gradClass, known] = replay.shown(id, s);
    setText(el.value, value);
    el.g.classList.toggle('known', known);
    setText(el.grad, grad);
    if (el.grad.getAttribute('class') !== gradClass) el.grad.setAttribute('class', gradClass);
  }

  function paintNodes(s) {
    const ids = replay.changed(painted, s);
    if (ids === null) for (let id = 0; id < nodes.length; id++) paintNode(id, s);
    else for (const id of ids) paintNode(id, s);
  }

  function highlight(s, on) {
    const frame = replay.frame(s);
    for (const [id, cls] of frame.marks) nodes[id].g.classList.toggle(cls, on);
    for (const [e, cls, label] of frame.edges) {
      for (const c of cls.split(' ')) edges[e].g.classList.toggle(c, on);
      setText(edges[e].label, on ? label : '');
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
    paint(s) {
      highlight(painted, false);
      paintNodes(s);
      highlight(s, true);
      paintNarration(s);
      painted = s;
    },
    /** The texts a node shows right now, for the details panel. */
    shown(id) {
      return { value: nodes[id].value.textContent, grad: nodes[id].grad.textContent };
    },
  };
}

function setText(el, text) {
  if (el.textContent !== text) el.textContent = text;
}
