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
  const replay = await loadReplay(root.dataset.replay);
  const painter = createPainter(root, replay);
  const viewport = createViewport(root);
  const presenter = createPresenter(root, viewport.present);
  const clusters = createClusters(root, replay);
  const scrub = root.querySelector('input.scrub');
  const playButton = root.querySelector('[data-go="play"]');
  const speed = root.querySelector('[data-speed]');
  const details = root.querySelector('.details');
  const links = [...root.querySelectorAll('a[data-go]')];
  let step = clamp(Number(root.dataset.step) || 0);
  let timer = null;
  let selected = null;

  function clamp(s) {
    return Math.max(0, Math.min(replay.stepCount, s));
  }

  /** Where each control goes from step s. */
  function target(how, s) {
    switch (how) {
      case 'start': return 0;
      case 'prev': return clusters.prev(s);
      case 'next': return clusters.next(s);
      case 'prev-point': return clusters.prevPoint(s);
      case 'next-point': return clusters.nextPoint(s);
      case 'forward-end': return replay.forwardSteps;
      case 'end': return replay.stepCount;
      default: return s;
    }
  }

  function go(s) {
    step = clamp(s);
    const t0 = performance.now();
    painter.paint(step);
    clusters.paint(step);
    root.dataset.step = String(step);
    scrub.value = String(step);
    const url = new URL(window.location.href);
    url.searchParams.set('step', String(step));
    window.history.replaceState(window.history.state, '', url);
    for (const a of links) {
      const to = clamp(target(a.dataset.go, step));
      url.searchParams.set('step', String(to));
      a.href = url.pathname + url.search;
      a.setAttribute('aria-disabled', String(to === step));
    }
    if (selected !== null) showDetails(selected);
    const current = replay.frame(step).node;
    if (current >= 0) viewport.reveal(root.querySelector(`g.node[data-node-id="${current}"]`));
    root.dataset.paintMs = (performance.now() - t0).toFixed(2); // read by the step-time benchmark
    // Lesson pages listen for this to show the author's notes and checkpoints at their steps.
    root.dispatchEvent(new CustomEvent('stepper:step', { bubbles: true, detail: { step, stepCount: replay.stepCount } }));
    // The live classroom follows and drives the page through these document events (live.js).
    document.dispatchEvent(new CustomEvent('stepgrad:step', { detail: { step } }));
  }

  function play() {
    if (step >= replay.stepCount) go(0);
    timer = window.setInterval(() => {
      if (step >= replay.stepCount) pause();
      else go(clusters.next(step));
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
    if (timer === null) play();
    else pause();
  }

  /** A manual move stops playback, so the learner is never fighting the timer. */
  function move(s) {
    pause();
    go(s);
  }

  function showDetails(id) {
    selected = id;
    const shown = painter.shown(id);
    details.hidden = false;
    details.querySelector('.formula').textContent = replay.formula(id);
    details.querySelector('.state').textContent = [
      shown.value ? `value ${shown.value.replace(/^= /, '')}` : 'value not computed yet',
      shown.grad ? shown.grad : 'gradient not known yet',
    ].join(' · ');
    for (const g of root.querySelectorAll('g.node.selected')) g.classList.remove('selected');
    root.querySelector(`g.node[data-node-id="${id}"]`).classList.add('selected');
  }

  for (const a of links) {
    a.addEventListener('click', (event) => {
      event.preventDefault();
      move(target(a.dataset.go, step));
    });
  }
  playButton.addEventListener('click', toggle);
  speed.addEventListener('change', () => {
    if (timer !== null) { pause(); play(); }
  });
  scrub.addEventListener('input', () => move(Number(scrub.value)));
  root.querySelector('form.scrubber').addEventListener('submit', (event) => event.preventDefault());

  const svg = root.querySelector('svg.graph');
  svg.addEventListener('click', (event) => {
    const g = event.target.closest('g.node');
    if (g) showDetails(Number(g.dataset.nodeId));
  });
  svg.addEventListener('keydown', (event) => {
    const g = event.target.closest('g.node');
    if (g && event.key === 'Enter') showDetails(Number(g.dataset.nodeId));
  });

  wireKeys({
    next: () => move(clusters.next(step)),
    prev: () => move(clusters.prev(step)),
    nextPoint: clusters.any ? () => move(clusters.nextPoint(step)) : null,
    prevPoint: clusters.any ? () => move(clusters.prevPoint(step)) : null,
    skip: clusters.any ? clusters.toggleSkip : null,
    start: () => move(0),
    end: () => move(replay.stepCount),
    toggle,
    present: presenter.toggle,
    zoomIn: viewport.zoomIn,
    zoomOut: viewport.zoomOut,
    fit: viewport.fit,
  });

  // A live session moves the stepper (stepgrad:goto) and may lock its own controls (stepgrad:lock).
  document.addEventListener('stepgrad:goto', (event) => move(Number(event.detail.step)));
  document.addEventListener('stepgrad:lock', (event) => root.classList.toggle('locked', Boolean(event.detail.locked)));

  root.classList.add('ready');
  go(step);
}
