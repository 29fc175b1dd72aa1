// Paints one step of a replay onto the server-rendered SVG and narration. It never computes
// a value, a gradient or a coordinate: it sets texts and classes the replay names.

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

  // What the last paint highlighted, so the next one only undoes that (O(highlighted), not O(graph)).
  // It starts with what the server highlighted for the step in the URL.
  let marked = {
    nodes: [...svg.querySelectorAll('g.node.current, g.node.reading, g.node.receiving')].map((g) => Number(g.dataset.nodeId)),
    edges: [...svg.querySelectorAll('g.edge.lit')].map((g) => Number(g.dataset.edge)),
  };

  function paintNodes(s) {
    for (let id = 0; id < nodes.length; id++) {
      const el = nodes[id];
      const value = replay.value(id, s);
      setText(el.value, value);
      el.g.classList.toggle('known', value !== '');
      const grad = replay.grad(id, s);
      setText(el.grad, grad.text);
      const cls = grad.sign ? `grad ${grad.sign}` : 'grad';
      if (el.grad.getAttribute('class') !== cls) el.grad.setAttribute('class', cls);
    }
  }

  function paintHighlights(s) {
    for (const id of marked.nodes) nodes[id].g.classList.remove('current', 'reading', 'receiving');
    for (const e of marked.edges) {
      edges[e].g.classList.remove('lit', 'forward', 'back');
      setText(edges[e].label, '');
    }
    marked = { nodes: [], edges: [] };
    const step = replay.step(s);
    if (step === null) return;
    const back = step.phase === 'backward';
    nodes[step.node].g.classList.add('current');
    marked.nodes.push(step.node);
    for (const e of replay.edgesInto(step.node)) {
      edges[e].g.classList.add('lit', back ? 'back' : 'forward');
      marked.edges.push(e);
      const from = Number(edges[e].g.dataset.from);
      nodes[from].g.classList.add(back ? 'receiving' : 'reading');
      marked.nodes.push(from);
    }
    for (const send of replay.sends(s)) setText(edges[send.edge].label, send.label);
  }

  function paintNarration(s) {
    setText(narration.headline, replay.headline(s));
    setText(narration.text, replay.narration(s));
    const items = replay.sends(s).map((send) => {
      const li = document.createElement('li');
      li.textContent = send.text;
      return li;
    });
    narration.sends.replaceChildren(...items);
  }

  return {
    paint(s) {
      paintNodes(s);
      paintHighlights(s);
      paintNarration(s);
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
