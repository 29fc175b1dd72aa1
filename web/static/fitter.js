// The Curve Fitter 6000 panel: knobs, the fitted curve, the loss over iterations, training
// buttons. It asks the server for the panel's drawable parts (GET /lessons/{id}/fitter, an HTML
// fragment whose coordinates FitPlot computed) and swaps them in; it never evaluates the curve,
// a loss or a gradient, and never computes a coordinate.

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
  const runChoice = panel.querySelector('select.run-choice');

  let query = panel.dataset.query; // the knobs as the server wrote them: "k0,k1,…"
  let iteration = panel.dataset.iteration || '0';
  let asked = 0; // request counter: only the newest answer paints
  let timer = null;
  let busy = false;

  /** The parts for these parameters, as the server drew them. */
  async function ask(params) {
    const url = new URL(partsUrl, window.location.href);
    for (const [key, value] of Object.entries(params)) url.searchParams.set(key, String(value));
    const response = await fetch(url, { headers: { Accept: 'text/html' } });
    const text = await response.text();
    if (!response.ok) {
      let sentence = `status ${response.status}`;
      try { sentence = JSON.parse(text).error || sentence; } catch { /* not JSON: keep the status */ }
      throw new Error(sentence);
    }
    return new DOMParser().parseFromString(text, 'text/html').querySelector('.fitter-parts');
  }

  /** Copies each part's attributes and children onto the panel's element of the same name. */
  function paint(parts, moveSliders) {
    for (const part of parts.querySelectorAll('[data-part]')) {
      const target = panel.querySelector(`[data-part="${part.dataset.part}"]`);
      if (!target) continue;
      for (const { name, value } of part.attributes) target.setAttribute(name, value);
      target.replaceChildren(...[...part.childNodes].map((n) => document.importNode(n, true)));
    }
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
    remember();
  }

  /** The URL holds the knobs and the iteration, as k and it (the page reads the same names). */
  function remember() {
    const url = new URL(window.location.href);
    url.searchParams.delete('knobs');
    url.searchParams.delete('iteration');
    url.searchParams.set('k', query);
    url.searchParams.set('it', iteration);
    window.history.replaceState(window.history.state, '', url);
    panel.dispatchEvent(new CustomEvent('fitter:knobs', { detail: { query, iteration } })); // the landscape redraws
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
    refresh(() => ({ run: runChoice.value, it: iterationSlider.value }), true);
  }

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
