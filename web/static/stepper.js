// The stepper: moves a step index through the replay and repaints. Controls, keys, the
// scrubber, play/pause and the URL all funnel into go(step).

import { loadReplay } from './replay.js';
import { createPainter } from './paint.js';
import { createViewport } from './viewport.js';
import { wireKeys } from './keys.js';
import { createPresenter } from './presenter.js';
import { createClusters } from './clusters.js';

document.documentElement.classList.add('js');

for (const root of document.querySelectorAll('.stepper[data-replay]')) {
  start(root).catch((error) => {
    root.classList.add('offline');
    root.querySelector('.narration .text').textContent =
      `The stepper could not load (${error.message}); the links below still step through the graph.`;
  });
}

async function start(root) {
  const replay = await loadReplay(root.dataset.replay, Number(root.dataset.step) || 0);
  const painter = createPainter(root, replay);
  const viewport = createViewport(root);
  let svg = root.querySelector('svg.graph');
  const presenter = createPresenter(root, viewport.present);
  const clusters = createClusters(root, replay);
  const scrub = root.querySelector('input.scrub');
  const playButton = root.querySelector('[data-go="play"]');
  const speed = root.querySelector('[data-speed]');
  const details = root.querySelector('.details');
  const checkButton = details.querySelector('.check-button');
  const check = details.querySelector('dl.check');
  const links = [...root.querySelectorAll('a[data-go]')];
  let step = clamp(Number(root.dataset.step) || 0);
  let moving = 0; // the latest move that waits for a window of the replay: an older one is dropped
  let timer = null;
  let selected = null;
  // groups the learner opened (kept in the link) and shut (while they hold the step's node)
  const pinned = new Set((new URL(window.location.href).searchParams.get('open') || '').split(',').filter(Boolean).map(Number));
  const shut = new Set();
  let asked = 0; // the latest drawing asked for: an older answer is dropped
  let asking = null; // the open groups of the drawing on its way, if one is
  painter.bind(svg, step);
  viewport.bind(svg);
  let locked = false; // live classroom: the teacher has paused everyone's stepping (stepgrad:lock)

  function clamp(s) {
    return Math.max(0, Math.min(replay.stepCount, s));
  }

  /**
   * A forward move from s to t stops at the first step the host page holds (a lesson's
   * unanswered checkpoint, listed in data-hold); End and the scrubber are explicit jumps.
   */
  function held(s, t) {
    if (t <= s) return t;
    for (const h of (root.dataset.hold || '').split(' ').filter(Boolean).map(Number).sort((a, b) => a - b)) {
      if (h >= s && h < t) return h;
    }
    return t;
  }

  /** Where each control goes from step s. */
  function target(how, s) {
    switch (how) {
      case 'start': return 0;
      case 'prev': return clusters.prev(s);
      case 'next': return held(s, clusters.next(s));
      case 'prev-point': return clusters.prevPoint(s);
      case 'next-point': return held(s, clusters.nextPoint(s));
      case 'forward-end': return held(s, replay.forwardSteps);
      case 'end': return replay.stepCount;
      default: return s;
    }
  }

  /** The groups open at step s: the learner's (and {@code also}), and those holding the step's node unless the learner shut them. */
  function openAt(s, also = null) {
    const open = new Set(pinned);
    if (also !== null) open.add(also);
    for (const g of replay.frame(s).open) if (!shut.has(g)) open.add(g);
    return [...open].sort((a, b) => a - b).join(',');
  }

  function drawingUrl(at, open) {
    const url = new URL(root.dataset.view, window.location.href);
    url.searchParams.set('step', String(at));
    url.searchParams.set('open', open);
    return url.href;
  }

  // Drawings asked for ahead of a click: the pointer over a shut group (or focus on it) asks the
  // server for the drawing with it open, so the click that usually follows finds it on its way.
  const early = new Map(); // drawing URL → its markup's promise (null for a refusal)
  function requestDrawing(url) {
    return fetch(url, { headers: { Accept: 'text/html' } }).then((r) => (r.ok ? r.text() : null));
  }
  function fetchDrawing(url) {
    const ahead = early.get(url);
    if (!ahead) return requestDrawing(url);
    early.delete(url);
    return ahead;
  }
  function askAhead(group) {
    const url = drawingUrl(step, openAt(step, group));
    if (early.has(url)) return;
    if (early.size >= 8) early.delete(early.keys().next().value);
    const ahead = requestDrawing(url);
    ahead.catch(() => early.delete(url));
    early.set(url, ahead);
  }

  /**
   * Fetches the server's drawing with other groups open and takes it over, when the open groups
   * change, or always when {@code fresh} (the replay's held windows were replaced by a far jump,
   * so what is drawn no longer follows from them).
   */
  async function redraw(fresh = false) {
    const open = openAt(step);
    // stepping on while a drawing is on its way asks for nothing new
    if (!fresh && (open === (asking ?? (svg.dataset.open || '')))) return;
    asking = open;
    root.classList.add('drawing'); // a drawing is on its way (the stage shows it is busy)
    const token = ++asked;
    const at = step;
    const t0 = performance.now();
    let markup = null;
    try {
      markup = await fetchDrawing(drawingUrl(at, open));
    } finally {
      if (token === asked) {
        asking = null;
        root.classList.remove('drawing');
      }
    }
    if (markup === null || token !== asked) return;
    const holder = document.createElement('template');
    holder.innerHTML = markup;
    const next = holder.content.querySelector('svg.graph');
    if (!next) return;
    svg.replaceWith(next);
    svg = next;
    painter.bind(svg, at);
    viewport.bind(svg);
    painter.paint(step);
    viewport.reveal();
    root.dataset.openMs = (performance.now() - t0).toFixed(1); // read by the group-opening benchmark
    // the host page marks the new drawing again (a checkpoint hides what it asks)
    root.dispatchEvent(new CustomEvent('stepper:step', { bubbles: true, detail: { step, stepCount: replay.stepCount } }));
    if (selected !== null && !svg.querySelector(`g.node[data-node-id="${selected}"]`)) selected = null;
  }

  function toggleGroup(g) {
    const open = (svg.dataset.open || '').split(',').filter(Boolean).map(Number).includes(g);
    if (open) {
      pinned.delete(g);
      if (replay.frame(step).open.includes(g)) shut.add(g);
    } else {
      shut.delete(g);
      pinned.add(g);
    }
    const url = new URL(window.location.href);
    if (pinned.size > 0) url.searchParams.set('open', [...pinned].sort((a, b) => a - b).join(','));
    else url.searchParams.delete('open');
    window.history.replaceState(window.history.state, '', url);
    redraw();
  }

  /**
   * Moves to step s. Within the replay's held windows this paints at once; beyond them it waits
   * for the window (and, after a far jump, for the server's drawing at s) and then paints.
   */
  function go(s, via = 'jump') {
    const to = clamp(s);
    if (replay.has(to) && replay.has(painter.painted())) {
      moving++;
      show(to, via);
      return;
    }
    const token = ++moving;
    replay.ensure(to).then(async (dropped) => {
      if (token !== moving) return;
      if (dropped) {
        step = to;
        await redraw(true);
        if (token !== moving) return;
      }
      show(to, via);
    }).catch((error) => {
      root.querySelector('.narration .text').textContent = `This part of the replay did not load (${error.message}); try again.`;
    });
  }

  // The address follows the step, written at once after a pause and at most every quarter second
  // while keys repeat: Chrome makes each history.replaceState cost milliseconds, and throttles a
  // page that calls it on every key.
  let addressTimer = null;
  let addressWritten = -Infinity;
  function writeAddress() {
    addressTimer = null;
    addressWritten = performance.now();
    const url = new URL(window.location.href);
    url.searchParams.set('step', String(step));
    window.history.replaceState(window.history.state, '', url);
  }
  function keepInAddress() {
    if (addressTimer !== null || new URL(window.location.href).searchParams.get('step') === String(step)) return;
    const wait = addressWritten + 250 - performance.now();
    if (wait <= 0) writeAddress();
    else addressTimer = window.setTimeout(writeAddress, wait);
  }

  function show(s, via) {
    const before = step;
    step = clamp(s);
    // a learner's "shut" lasts until the step moves to another group
    const was = replay.frame(before); // gone when a far jump replaced the held windows
    if (!was || replay.frame(step).open.join() !== was.open.join()) shut.clear();
    const t0 = performance.now();
    painter.paint(step);
    clusters.paint(step);
    root.dataset.step = String(step);
    scrub.value = String(step);
    keepInAddress();
    const url = new URL(window.location.href);
    for (const a of links) {
      const to = clamp(target(a.dataset.go, step));
      url.searchParams.set('step', String(to));
      a.href = url.pathname + url.search;
      a.setAttribute('aria-disabled', String(to === step));
    }
    if (selected !== null) showDetails(selected);
    viewport.reveal();
    root.dataset.paintMs = (performance.now() - t0).toFixed(2); // read by the step-time benchmark
    redraw();
    // the next window is asked for while a quarter of this one is still ahead
    const margin = (replay.window || 0) / 4;
    if (step > replay.hi - margin && replay.hi < replay.stepCount) replay.prefetch(+1);
    if (step < replay.lo + margin && replay.lo > 0) replay.prefetch(-1);
    // Lesson pages listen for this to show the author's notes and checkpoints at their steps.
    // via: 'step' for →, Play and the next links, 'jump' for End, the scrubber and the URL
    root.dispatchEvent(new CustomEvent('stepper:step', { bubbles: true, detail: { step, stepCount: replay.stepCount, via } }));
    // The live classroom follows and drives the page through these document events (live.js).
    document.dispatchEvent(new CustomEvent('stepgrad:step', { detail: { step } }));
  }

  function play() {
    if (step >= replay.stepCount) go(0);
    timer = window.setInterval(() => {
      if (step >= replay.stepCount) pause();
      else if (!forward('next')) pause();
    }, Number(speed.value));
    playButton.textContent = '❚❚ Pause';
    playButton.setAttribute('aria-pressed', 'true');
  }

  function pause() {
    window.clearInterval(timer);
    timer = null;
    playButton.textContent = '▶ Play';
    playButton.setAttribute('aria-pressed', 'false');
  }

  function toggle() {
    if (locked) return;
    if (timer === null) play();
    else pause();
  }

  /** A manual move stops playback, so the learner is never fighting the timer. */
  function move(s) {
    if (locked) return;
    pause();
    go(s);
  }

  /** Steps on by a control; false when a held step stopped it (the host page is told, to say why). */
  function forward(how) {
    const to = clamp(target(how, step));
    if (to === step && step < replay.stepCount) {
      root.dispatchEvent(new CustomEvent('stepper:held', { bubbles: true, detail: { step } }));
      return false;
    }
    go(to, 'step');
    return true;
  }

  function stepOn(how) {
    if (locked) return;
    pause();
    forward(how);
  }

  function showDetails(id) {
    const g = svg.querySelector(`g.node[data-node-id="${id}"]`);
    if (!g) return;
    const again = selected === id;
    selected = id;
    const shown = painter.shown(id);
    const asked = g.classList.contains('quiz-grad'); // a checkpoint asks for this gradient: neither shown nor checked
    details.hidden = false;
    details.querySelector('.formula').textContent = g.dataset.formula;
    // the box shows four significant digits; a click shows the value in full
    details.querySelector('.state').textContent = [
      shown.value ? `value ${g.dataset.exact}` : 'value not computed yet',
      asked ? 'gradient: answer the checkpoint first' : shown.grad ? shown.grad : 'gradient not known yet',
    ].join(' · ');
    if (checkButton) {
      checkButton.disabled = asked || !shown.grad;
      checkButton.title = checkButton.disabled
        ? 'Step on until the backward pass has reached this node: the check compares with its gradient'
        : 'Nudge this node by ±h, run the forward pass again, and compare with the backward pass';
      if (!again || checkButton.disabled) check.hidden = true;
    }
    for (const other of root.querySelectorAll('g.node.selected')) other.classList.remove('selected');
    g.classList.add('selected');
  }

  // the numeric gradient check: the server nudges the node, reruns the forward pass and words the result; this prints it
  let checked = 0; // the newest check asked: an older answer is dropped
  function row(term, text) {
    const dt = document.createElement('dt');
    const dd = document.createElement('dd');
    dt.textContent = term;
    dd.textContent = text;
    return [dt, dd];
  }
  checkButton?.addEventListener('click', async () => {
    const mine = ++checked;
    const node = selected;
    check.hidden = false;
    check.replaceChildren(...row('numeric check', 'running the forward pass twice…'));
    let answer;
    try {
      const response = await fetch('/api/gradcheck', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ source: root.dataset.source, node }),
      });
      answer = await response.json();
      if (!response.ok) throw new Error(answer.error || `status ${response.status}`);
    } catch (error) {
      if (mine === checked) check.replaceChildren(...row('numeric check', error.message));
      return;
    }
    if (mine !== checked || node !== selected) return;
    check.replaceChildren(...answer.rows.flatMap((r) => row(r.term, r.text))); // the server's words, printed as they are
  });

  for (const a of links) {
    a.addEventListener('click', (event) => {
      event.preventDefault();
      if (['next', 'next-point', 'forward-end'].includes(a.dataset.go)) stepOn(a.dataset.go);
      else move(target(a.dataset.go, step));
    });
  }
  playButton.addEventListener('click', toggle);
  speed.addEventListener('change', () => {
    if (timer !== null) { pause(); play(); }
  });
  scrub.addEventListener('input', () => move(Number(scrub.value)));
  root.querySelector('form.scrubber').addEventListener('submit', (event) => event.preventDefault());

  // the drawing is replaced when a group opens, so its clicks are heard on the stage around it
  const stage = root.querySelector('.viewport');
  function activate(target) {
    const group = target.closest('g.group.shut, .group-toggle');
    if (group) {
      toggleGroup(Number(group.closest('g.group').dataset.groupId));
      return true;
    }
    const g = target.closest('g.node[data-node-id]');
    if (g) showDetails(Number(g.dataset.nodeId));
    return g !== null;
  }
  stage.addEventListener('click', (event) => activate(event.target));
  for (const type of ['pointerover', 'focusin']) {
    stage.addEventListener(type, (event) => {
      const group = event.target.closest('g.group.shut');
      if (group) askAhead(Number(group.dataset.groupId));
    });
  }
  stage.addEventListener('keydown', (event) => {
    if ((event.key === 'Enter' || event.key === ' ') && event.target.closest('g.group.shut, .group-toggle, g.node')) {
      event.preventDefault();
      event.stopPropagation(); // Space here opens the group; it does not start playback
      activate(event.target);
    }
  });

  wireKeys({
    next: () => stepOn('next'),
    prev: () => move(clusters.prev(step)),
    nextPoint: clusters.any ? () => stepOn('next-point') : null,
    prevPoint: clusters.any ? () => move(clusters.prevPoint(step)) : null,
    skip: clusters.any ? clusters.toggleSkip : null,
    start: () => move(0),
    end: () => move(replay.stepCount),
    toggle,
    present: presenter.toggle,
    blank: presenter.blank,
    zoomIn: viewport.zoomIn,
    zoomOut: viewport.zoomOut,
    fit: viewport.fit,
  });

  // --- live classroom contract (live.js): stepgrad:step goes out from go(); these two come in ---
  document.addEventListener('stepgrad:goto', (event) => { pause(); go(Number(event.detail.step)); });
  document.addEventListener('stepgrad:lock', (event) => {
    locked = Boolean(event.detail.locked);
    if (locked) pause();
    root.classList.toggle('locked', locked);
  });
  // --- end live classroom contract ---

  // the host page changed what it holds (a checkpoint answered): the next links follow
  root.addEventListener('stepper:hold', () => go(step, 'hold'));

  root.classList.add('ready');
  go(step);
}
