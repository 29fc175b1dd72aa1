// The Curve Fitter 6000 panel: knobs, the fitted curve, the loss over iterations, training
// buttons. It asks the fit API (/api/lessons/{id}/fit) and paints the coordinates and texts it
// answers; it never evaluates the curve, a loss or a gradient itself.

const SVG = 'http://www.w3.org/2000/svg';
const DEBOUNCE_MS = 120;
const CHUNKS = 10; // a long training run is asked for in this many parts, for the progress bar

for (const panel of document.querySelectorAll('aside.fitter[data-api]')) wire(panel);

function wire(panel) {
  const api = panel.dataset.api;
  const lessonHref = panel.dataset.lesson;
  const sliders = [...panel.querySelectorAll('input[data-knob]')];
  const knobRows = sliders.map((input) => {
    const row = input.closest('.knob');
    return {
      input,
      value: row.querySelector('.knob-value'),
      arrow: row.querySelector('svg.grad-arrow path'),
      grad: row.querySelector('.grad-value'),
    };
  });
  const curve = panel.querySelector('svg.fit-plot g.curve');
  const lossValue = panel.querySelector('.loss-value');
  const iterationValue = panel.querySelector('.iteration-value');
  const status = panel.querySelector('.status');
  const mine = panel.querySelector('svg.loss-plot g.mine');
  const mineLegend = panel.querySelector('.legend .mine-legend');
  const marker = panel.querySelector('svg.loss-plot .marker');
  const rate = panel.querySelector('input.rate');
  const steps = panel.querySelector('input.steps');
  const method = panel.querySelector('select.method');
  const progress = panel.querySelector('progress.progress');
  const buttons = [...panel.querySelectorAll('button[data-action]')];
  const iterationSlider = panel.querySelector('input.iteration');
  const runChoice = panel.querySelector('select.run-choice');
  const graphLink = panel.querySelector('.open-graph a');

  let query = panel.dataset.query; // the knobs as the server wrote them: "k0,k1,…"
  let iteration = Number(panel.dataset.iteration) || 0;
  let asked = 0; // request counter: only the newest answer paints
  let timer = null;
  let lesson = null; // the lesson JSON with its recorded runs, fetched when first needed
  let busy = false;

  async function ask(params) {
    const url = new URL(api, window.location.href);
    for (const [key, value] of Object.entries(params)) url.searchParams.set(key, String(value));
    const response = await fetch(url, { headers: { Accept: 'application/json' } });
    const json = await response.json();
    if (!response.ok) throw new Error(json.error || `status ${response.status}`);
    return json;
  }

  /** Paints one state of the knobs: curve, loss, gradient arrows, slider positions. */
  function paint(state, moveSliders) {
    query = state.query;
    const exact = state.query.split(',');
    knobRows.forEach((row, i) => {
      row.value.textContent = state.knobText[i];
      if (moveSliders) row.input.value = exact[i];
      if (state.arrows) {
        row.arrow.setAttribute('d', state.arrows[i].d);
        row.arrow.setAttribute('class', state.arrows[i].class);
        row.grad.textContent = state.gradientText[i];
      }
    });
    curve.replaceChildren(...state.curve.map((points) => {
      const line = document.createElementNS(SVG, 'polyline');
      line.setAttribute('points', points);
      return line;
    }));
    lossValue.textContent = state.lossText ?? 'not a finite number';
    iterationValue.textContent = String(iteration);
    remember();
  }

  /** The URL holds the knobs and the iteration; the graph link opens the graph at them. */
  function remember() {
    const url = new URL(window.location.href);
    url.searchParams.set('knobs', query);
    url.searchParams.set('iteration', String(iteration));
    window.history.replaceState(window.history.state, '', url);
    const graph = new URLSearchParams({ step: '0', k: query, it: String(iteration), knobs: query, iteration: String(iteration) });
    graphLink.href = `${lessonHref}?${graph}`;
  }

  function say(text) {
    status.textContent = text;
  }

  function refresh() {
    window.clearTimeout(timer);
    timer = window.setTimeout(async () => {
      const mineAsked = ++asked;
      try {
        const state = await ask({ k: query });
        if (mineAsked === asked) paint(state, false);
        say('');
      } catch (error) {
        if (mineAsked === asked) say(error.message);
      }
    }, DEBOUNCE_MS);
  }

  knobRows.forEach((row, i) => {
    row.input.addEventListener('input', () => {
      const texts = query.split(',');
      texts[i] = row.input.value;
      query = texts.join(',');
      row.value.textContent = row.input.value;
      refresh();
    });
  });

  /** Runs n steps from the current knobs in parts, drawing each part on the loss plot as it comes. */
  async function train(n, how) {
    if (busy) return;
    busy = true;
    buttons.forEach((b) => { b.disabled = true; });
    const part = Math.max(1, Math.ceil(n / CHUNKS));
    progress.hidden = n <= 1;
    progress.max = n;
    progress.value = 0;
    let done = 0;
    try {
      while (done < n) {
        const count = Math.min(part, n - done);
        const mineAsked = ++asked;
        const answer = await ask({ k: query, steps: count, rate: rate.value, method: how, from: iteration });
        if (mineAsked !== asked) break; // a knob moved meanwhile: the learner took over
        const run = answer.run;
        if (run.lessonPath) {
          const line = document.createElementNS(SVG, 'polyline');
          line.setAttribute('points', run.lessonPath);
          line.setAttribute('class', how === 'random-search' ? 'run mine random' : 'run mine descent');
          mine.append(line);
          mineLegend.hidden = false;
        }
        iteration += run.iterations;
        done += count;
        progress.value = done;
        paint(run.end, true);
        if (run.diverged) {
          say('The loss left the finite numbers: the learning rate is too big. Reset and try a smaller α.');
          break;
        }
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
      const state = await ask({});
      if (mineAsked !== asked) return;
      iteration = 0;
      mine.replaceChildren();
      mineLegend.hidden = true;
      marker.setAttribute('cx', '-10');
      paint(state, true);
      say('');
    } catch (error) {
      say(error.message);
    }
  }

  async function recordedRuns() {
    if (lesson === null) {
      const response = await fetch(api.replace(/\/fit$/, ''), { headers: { Accept: 'application/json' } });
      lesson = await response.json();
    }
    return lesson.training;
  }

  /** Sets the knobs to those of a recorded run at the slider's iteration, and marks it on the plot. */
  async function pickIteration() {
    const runs = await recordedRuns();
    const run = runs[Number(runChoice.value)];
    if (!run) return;
    const i = Math.min(Number(iterationSlider.value), run.params.length - 1);
    const point = run.lossPath.split(' ')[i]; // the server's coordinate for iteration i
    if (point) {
      const [cx, cy] = point.split(',');
      marker.setAttribute('cx', cx);
      marker.setAttribute('cy', cy);
    }
    iteration = i;
    query = run.params[i].join(',');
    refresh();
  }

  iterationSlider?.addEventListener('input', () => { pickIteration().catch((e) => say(e.message)); });
  runChoice?.addEventListener('change', () => { pickIteration().catch((e) => say(e.message)); });

  for (const button of buttons) {
    button.addEventListener('click', () => {
      switch (button.dataset.action) {
        case 'step': train(1, 'gradient-descent'); break;
        case 'train': train(Math.max(1, Math.min(2000, Number(steps.value) || 1)), method.value); break;
        case 'reset': reset(); break;
        default: break;
      }
    });
  }
  panel.classList.add('ready');
}
