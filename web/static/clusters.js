// Clusters of a large graph (one data point, one neuron): which are open, their summaries, and
// the step filter of "skip other points". The server decided the clusters, which nodes and edges
// fold with each, their summaries per step and where "next point" goes (ReplayJson "groups" and
// "walk"); this only looks them up and keeps which ones the learner opened or shut.

export function createClusters(root, replay) {
  const svg = root.querySelector('svg.graph');
  const count = replay.groups.length;
  const covers = [];
  for (const g of svg.querySelectorAll('g.cover')) {
    covers[Number(g.dataset.clusterId)] = {
      g,
      summaries: [...g.querySelectorAll('.cluster-summary')], // beside the toggle, and large in the middle
      toggle: g.querySelector('.cluster-toggle'),
    };
  }
  const nodeEls = [];
  for (const g of svg.querySelectorAll('g.node')) nodeEls[Number(g.dataset.nodeId)] = g;
  const edgeEls = [];
  for (const g of svg.querySelectorAll('g.edge')) edgeEls[Number(g.dataset.edge)] = g;
  const skipBox = root.querySelector('input[data-skip]');
  const focusName = root.querySelector('.point-nav .focus-name');

  const applied = covers.map((c) => !c.g.classList.contains('collapsed')); // as the server drew them
  const opened = new Set(); // opened by the learner
  const shut = new Set();   // shut by the learner while working in it
  let skip = false;
  let wantSkip = new URL(window.location.href).searchParams.get('skip') === '1'; // a shared link keeps the mode
  let locked = -1;          // the point "skip other points" keeps to
  let step = 0;
  let lastFocus = -1;

  function focus(s) {
    return skip ? locked : replay.focus(s);
  }

  function expanded(c) {
    return opened.has(c) || (c === focus(step) && !shut.has(c));
  }

  function apply() {
    for (let c = 0; c < count; c++) {
      const open = expanded(c);
      if (applied[c] === open) continue;
      applied[c] = open;
      covers[c].g.classList.toggle('collapsed', !open);
      covers[c].toggle.setAttribute('aria-expanded', String(open));
      for (const n of replay.groups[c].nodes) nodeEls[n].classList.toggle('folded', !open);
      for (const e of replay.groups[c].edges) edgeEls[e].classList.toggle('folded', !open);
    }
  }

  function paint(s) {
    step = s;
    if (wantSkip) {
      wantSkip = false;
      skip = count > 0;
      locked = replay.focus(s);
      if (skipBox) skipBox.checked = skip;
    }
    if (skip && replay.cluster(s) >= 0) locked = replay.cluster(s);
    const f = focus(s);
    if (f !== lastFocus) shut.clear(); // closing the point you work in lasts until you move on
    lastFocus = f;
    apply();
    const here = replay.cluster(s);
    for (let c = 0; c < count; c++) {
      const text = replay.summary(c, s);
      for (const el of covers[c].summaries) setText(el, text);
      covers[c].g.classList.toggle('holds-current', c === here);
    }
    if (focusName && f >= 0) setText(focusName, `In ${replay.groups[f].label}`);
  }

  /** The next step →/← stops at: in skipping mode, not inside points other than the locked one. */
  function neighbour(s, dir) {
    let t = s + dir;
    if (skip) {
      while (t > 0 && t < replay.stepCount && replay.cluster(t) >= 0 && replay.cluster(t) !== locked) t += dir;
    }
    return t;
  }

  function toggle(c) {
    if (expanded(c)) {
      opened.delete(c);
      shut.add(c);
    } else {
      shut.delete(c);
      opened.add(c);
    }
    apply();
  }

  svg.addEventListener('click', (event) => {
    // the toggle, or anywhere on a shut cluster's cover, opens it
    const t = event.target.closest('.cluster-toggle, .cover.collapsed');
    if (t) toggle(Number(t.closest('.cover').dataset.clusterId));
  });
  svg.addEventListener('keydown', (event) => {
    const t = event.target.closest('.cluster-toggle');
    if (t && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      event.stopPropagation(); // Space here opens the point; it does not start playback
      toggle(Number(t.parentNode.dataset.clusterId));
    }
  });

  function setSkip(on) {
    skip = on && count > 0;
    locked = replay.focus(step);
    if (skipBox) skipBox.checked = skip;
    const url = new URL(window.location.href);
    if (skip) url.searchParams.set('skip', '1');
    else url.searchParams.delete('skip');
    window.history.replaceState(window.history.state, '', url);
    paint(step);
  }
  if (skipBox) skipBox.addEventListener('change', () => setSkip(skipBox.checked));

  return {
    any: count > 0,
    paint,
    next: (s) => neighbour(s, +1),
    prev: (s) => neighbour(s, -1),
    nextPoint: (s) => (count > 0 ? replay.nextPoint(s) : s),
    prevPoint: (s) => (count > 0 ? replay.prevPoint(s) : s),
    toggleSkip: () => setSkip(!skip),
  };
}

function setText(el, text) {
  if (el && el.textContent !== text) el.textContent = text;
}
