// The classifier panel: the decision boundary at one iteration of a recorded run. Moving the
// slider, or following an iteration link, asks the server for the panel's parts at that iteration
// (GET /lessons/{id}/classifier, an HTML fragment whose cells, line and points BoundaryPlot placed)
// and swaps them in; it never evaluates the network and never computes a coordinate.

import { askParts, paintParts } from './parts.js';

const DEBOUNCE_MS = 80;

for (const panel of document.querySelectorAll('aside.classifier[data-boundary]')) wire(panel);

function wire(panel) {
  const partsUrl = panel.dataset.boundary;
  const run = panel.dataset.run || '0';
  const slider = panel.querySelector('input.iteration');
  let asked = 0; // request counter: only the newest answer paints
  let timer = null;

  /** The page's step, so the no-script links the server writes keep it. */
  function step() {
    return new URL(window.location.href).searchParams.get('step') || '0';
  }

  /** The URL holds the iteration as it (the page reads the same name) beside the graph's own state. */
  function remember(iteration) {
    const url = new URL(window.location.href);
    url.searchParams.set('it', iteration);
    window.history.replaceState(window.history.state, '', url);
  }

  function show(iteration) {
    window.clearTimeout(timer);
    timer = window.setTimeout(async () => {
      const mine = ++asked;
      try {
        const parts = await askParts(partsUrl, { run, it: iteration, step: step() }, '.classifier-parts');
        if (mine !== asked) return;
        paintParts(panel, parts);
        slider.value = parts.dataset.iteration;
        remember(parts.dataset.iteration);
      } catch (error) {
        if (mine === asked) panel.querySelector('[data-part="accuracy"]').textContent = error.message;
      }
    }, DEBOUNCE_MS);
  }

  slider.addEventListener('input', () => show(slider.value));
  // the links work without the script (a page at that iteration); with it, only the panel redraws
  panel.addEventListener('click', (event) => {
    const link = event.target.closest('a.iteration-link');
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    slider.value = link.dataset.iteration;
    show(link.dataset.iteration);
  });
  panel.classList.add('ready');
}
