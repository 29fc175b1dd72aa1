// The Curve Fitter 6000 panel: knobs, the fitted curve, the loss over iterations, training
// buttons. It asks the server for the panel's drawable parts (GET /lessons/{id}/fitter, an HTML
// fragment whose coordinates FitPlot computed) and swaps them in; it never evaluates the curve,
// a loss or a gradient, and never computes a coordinate: a click or drag on the data plot is sent
// in the plot's box units, and the server turns it into data.

const LONG_PRESS_MS = 600; // holding a point this long removes it (a touch screen has no shift key)
const DRAG_UNITS = 3; // a pointer that moved less than this (box units) clicked rather than dragged

import { askParts, paintParts } from './parts.js';

const DEBOUNCE_MS = 120;
const CHUNKS = 10; // a long training run is asked for in this many parts, for the progress bar

for (const panel of document.querySelectorAll('aside.fitter[data-parts]')) wire(panel);

function wire(panel) {
  const partsUrl = panel.dataset.parts;
  const sliders = [...panel.querySelectorAll('input[data-knob]')];
  const status = panel.querySelector('[data-part="status"]');
  const mine = panel.querySelector('svg.loss-plot g.mine');
  const mineLegend = panel.querySelector('.legend .mine-legend');
  const rate = panel.querySelector('input.rate');
  const steps = panel.querySelector('input.steps');
  const method = panel.querySelector('select.method');
  const progress = panel.querySelector('progress.progress');
  const buttons = [...panel.querySelectorAll('button[data-action]')];
  const iterationSlider = panel.querySelector('input.iteration');
  const picked = panel.querySelector('output.iteration-pick');
  const runChoice = panel.querySelector('select.run-choice');
  const plot = panel.querySelector('svg.fit-plot');
  const dataForm = panel.querySelector('form.data');
  const lines = dataForm?.querySelector('textarea');

  let query = panel.dataset.query; // the knobs as the server wrote them: "k0,k1,…"
  let iteration = panel.dataset.iteration || '0';
  let points = panel.dataset.points || ''; // the learner's data as "x,y;x,y", or '' for the lesson's
  let asked = 0; // request counter: only the newest answer paints
  let timer = null;
  let busy = false;

  /** The parts for these parameters, as the server drew them. */
  function ask(params) {
    // every request is about the data on the plot, unless it brings its own (pasted, or the lesson's: '')
    return askParts(partsUrl, { points, ...params }, '.fitter-parts');
  }

  /** Copies each part's attributes and children onto the panel's element of the same name. */
  function paint(parts, moveSliders) {
    paintParts(panel, parts);
    for (const line of parts.querySelectorAll('[data-append="mine"]')) {
      mine.append(document.importNode(line, true));
      mineLegend.hidden = false;
    }
    if (moveSliders) {
      sliders.forEach((input) => {
        const value = panel.querySelector(`[data-part="knob-value-${input.dataset.knob}"]`);
        if (value) input.value = value.dataset.value;
      });
    }
    query = parts.dataset.query;
    iteration = parts.dataset.iteration;
    points = parts.dataset.points || '';
    const written = parts.querySelector('textarea.lines');
    if (lines && written) lines.value = written.value;
    remember();
  }

  /** The URL holds the knobs, the iteration and the data, as k, it and points (the page reads the same names). */
  function remember() {
    const url = new URL(window.location.href);
    url.searchParams.delete('knobs');
    url.searchParams.delete('iteration');
    url.searchParams.set('k', query);
    url.searchParams.set('it', iteration);
    if (points) url.searchParams.set('points', points);
    else url.searchParams.delete('points');
    window.history.replaceState(window.history.state, '', url);
    panel.dispatchEvent(new CustomEvent('fitter:knobs', { detail: { query, iteration, points } })); // the landscape redraws
  }

  function say(text) {
    status.textContent = text;
  }

  function refresh(params, moveSliders) {
    window.clearTimeout(timer);
    timer = window.setTimeout(async () => {
      const mineAsked = ++asked;
      try {
        const parts = await ask(params());
        if (mineAsked === asked) paint(parts, moveSliders);
      } catch (error) {
        if (mineAsked === asked) say(error.message);
      }
    }, DEBOUNCE_MS);
  }

  sliders.forEach((input, i) => {
    input.addEventListener('input', () => {
      const texts = query.split(',');
      texts[i] = input.value; // the slider's own text, sent as it is
      query = texts.join(',');
      refresh(() => ({ k: query, it: iteration }), false);
    });
  });

  /** Runs n steps from the current knobs in parts, each part drawn on the loss plot as it comes. */
  async function train(n, how) {
    if (busy) return;
    busy = true;
    buttons.forEach((b) => { b.disabled = true; });
    // momentum's velocity and Adam's moments live only inside one request, so their runs are asked for whole
    const memoryless = how === 'gradient-descent' || how === 'random-search';
    const part = memoryless ? Math.max(1, Math.ceil(n / CHUNKS)) : n;
    progress.hidden = n <= 1;
    progress.max = n;
    progress.value = 0;
    let done = 0;
    try {
      while (done < n) {
        const count = Math.min(part, n - done);
        const mineAsked = ++asked;
        const parts = await ask({ k: query, it: iteration, steps: count, rate: rate.value, method: how });
        if (mineAsked !== asked) break; // a knob moved meanwhile: the learner took over
        paint(parts, true);
        done += count;
        progress.value = done;
        if (parts.dataset.diverged === 'true') break; // the parts carry the sentence
        say(n > 1 && done < n ? `${done} of ${n} steps…` : '');
      }
    } catch (error) {
      say(error.message);
    } finally {
      busy = false;
      buttons.forEach((b) => { b.disabled = false; });
      progress.hidden = true;
    }
  }

  async function reset() {
    const mineAsked = ++asked;
    try {
      const parts = await ask({});
      if (mineAsked !== asked) return;
      mine.replaceChildren();
      mineLegend.hidden = true;
      paint(parts, true);
    } catch (error) {
      say(error.message);
    }
  }

  /** The knobs of a recorded run at the slider's iteration, marked on the loss plot by the server. */
  function pickIteration() {
    picked.textContent = iterationSlider.value; // the slider's own number, before the server's drawing arrives
    refresh(() => ({ run: runChoice.value, it: iterationSlider.value }), true);
  }

  /** One edit of the data (add, move or remove, in box units), drawn by the server at the same knobs. */
  function edit(change) {
    refresh(() => ({ k: query, it: iteration, ...change }), false);
  }

  /** The pointer's place in the plot's box units (the viewBox's), which the server maps to data. */
  function boxAt(event) {
    const p = new DOMPoint(event.clientX, event.clientY).matrixTransform(plot.getScreenCTM().inverse());
    return { x: p.x.toFixed(1), y: p.y.toFixed(1), raw: p };
  }

  let held = null; // the point under a pressed pointer: { circle, index, from, moved, timer }
  let pressedPoint = false; // the click that ends a press on a point is not a click on the plot
  plot?.addEventListener('pointerdown', (event) => {
    const circle = event.target.closest('g.points circle');
    if (!circle) return;
    event.preventDefault();
    pressedPoint = true;
    plot.setPointerCapture(event.pointerId);
    held = { circle, index: circle.dataset.index, from: boxAt(event).raw, moved: false, timer: 0 };
    held.timer = window.setTimeout(() => {
      if (held && !held.moved) { edit({ remove: held.index }); held = null; }
    }, LONG_PRESS_MS);
  });
  plot?.addEventListener('pointermove', (event) => {
    if (!held) return;
    const at = boxAt(event);
    if (!held.moved && Math.hypot(at.raw.x - held.from.x, at.raw.y - held.from.y) < DRAG_UNITS) return;
    held.moved = true;
    window.clearTimeout(held.timer);
    held.circle.setAttribute('cx', at.x); // the point follows the pointer until the server redraws it
    held.circle.setAttribute('cy', at.y);
  });
  plot?.addEventListener('pointerup', (event) => {
    if (!held) return;
    const { index, moved, timer: pressed } = held;
    window.clearTimeout(pressed);
    held = null;
    const at = boxAt(event);
    if (moved) edit({ move: `${index},${at.x},${at.y}` });
    else if (event.shiftKey) edit({ remove: index });
  });
  plot?.addEventListener('click', (event) => {
    if (pressedPoint || event.target.closest('g.points circle')) { pressedPoint = false; return; } // handled above
    const at = boxAt(event);
    edit({ add: `${at.x},${at.y}` });
  });
  dataForm?.addEventListener('submit', (event) => {
    event.preventDefault();
    refresh(() => ({ k: query, it: iteration, points: lines.value }), false);
  });
  dataForm?.querySelector('[data-action="own-points"]')?.addEventListener('click', (event) => {
    event.preventDefault();
    refresh(() => ({ k: query, it: iteration, points: '' }), false);
  });

  iterationSlider?.addEventListener('input', pickIteration);
  // each method starts at the rate the lesson file gives it (the server wrote it on the option)
  method.addEventListener('change', () => {
    const rateOf = method.selectedOptions[0]?.dataset.rate;
    if (rateOf) rate.value = rateOf;
  });
  runChoice?.addEventListener('change', pickIteration);

  for (const button of buttons) {
    button.addEventListener('click', () => {
      switch (button.dataset.action) {
        case 'step': train(1, 'gradient-descent'); break;
        case 'train':
          // the box's limits are the server's (min, max, whole steps): an invalid count is refused with the browser's sentence
          if (steps.checkValidity()) train(Number(steps.value), method.value);
          else say(steps.validationMessage);
          break;
        case 'reset': reset(); break;
        default: break;
      }
    });
  }
  panel.classList.add('ready');
}
