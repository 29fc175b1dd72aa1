// Stepping point by point through a graph of many similar groups (one data point, one neuron):
// "next point", "previous point" and "skip other points". The server decided where each jump
// lands and which group each step works in (ReplayJson "walk"); this only looks them up.

export function createClusters(root, replay) {
  const count = replay.clusterCount || 0;
  const skipBox = root.querySelector('input[data-skip]');
  const focusName = root.querySelector('.point-nav .focus-name');
  let skip = false;
  let wantSkip = new URL(window.location.href).searchParams.get('skip') === '1'; // a shared link keeps the mode
  let locked = -1; // the point "skip other points" keeps to
  let step = 0;

  function paint(s) {
    step = s;
    if (wantSkip) {
      wantSkip = false;
      skip = count > 0;
      locked = replay.focus(s);
      if (skipBox) skipBox.checked = skip;
    }
    if (skip && replay.cluster(s) >= 0) locked = replay.cluster(s);
    const f = skip ? locked : replay.focus(s);
    if (focusName && f >= 0) setText(focusName, `In ${replay.label(f)}`);
  }

  /** The next step →/← stops at: in skipping mode, not inside points other than the locked one. */
  function neighbour(s, dir) {
    let t = s + dir;
    if (skip) {
      while (t > 0 && t < replay.stepCount && replay.cluster(t) >= 0 && replay.cluster(t) !== locked) t += dir;
    }
    return t;
  }

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
