// The loss landscape under the Curve Fitter: asks the server for the drawing at the panel's knobs
// (GET /lessons/{id}/landscape, an HTML fragment whose coordinates LandscapeViews computed) and
// swaps it in whenever the knobs, the axes or the training method change. It computes nothing.

import { askParts } from './parts.js';

const DEBOUNCE_MS = 150;

for (const section of document.querySelectorAll('aside.fitter section.landscape[data-parts]')) wire(section);

function wire(section) {
  const panel = section.closest('aside.fitter');
  const xAxis = section.querySelector('select.axis-x');
  const yAxis = section.querySelector('select.axis-y');
  const method = panel.querySelector('select.method');
  const rate = panel.querySelector('input.rate');
  let query = section.querySelector('.landscape-drawing').dataset.query; // the knobs, "k0,k1,…"
  let points = panel.dataset.points || ''; // the learner's data as "x,y;x,y", or '' for the lesson's
  let asked = 0;
  let timer = null;

  function params() {
    const p = { k: query, x: xAxis.value, y: yAxis.value, method: method.value, points };
    if (method.value !== 'random-search' && rate.checkValidity() && rate.value) p.rate = rate.value;
    return p;
  }

  async function redraw() {
    const mine = ++asked;
    try {
      const fresh = await askParts(section.dataset.parts, params(), '.landscape-drawing');
      if (mine !== asked || !fresh) return;
      section.querySelector('.landscape-drawing').replaceWith(document.importNode(fresh, true));
    } catch (error) { // the server's sentence
      if (mine === asked) section.querySelector('.scale-text').textContent = error.message;
    }
  }

  function later() {
    window.clearTimeout(timer);
    timer = window.setTimeout(redraw, DEBOUNCE_MS);
  }

  /** x and y in the URL, so a link opens the same slice. */
  function remember() {
    const url = new URL(window.location.href);
    url.searchParams.set('x', xAxis.value);
    url.searchParams.set('y', yAxis.value);
    window.history.replaceState(window.history.state, '', url);
  }

  /** The two menus never name one knob: picking the other's knob swaps them. */
  function pick(changed, other, before) {
    if (changed.value === other.value) other.value = before;
    remember();
    later();
  }

  let xBefore = xAxis.value;
  let yBefore = yAxis.value;
  xAxis.addEventListener('change', () => { pick(xAxis, yAxis, xBefore); xBefore = xAxis.value; yBefore = yAxis.value; });
  yAxis.addEventListener('change', () => { pick(yAxis, xAxis, yBefore); xBefore = xAxis.value; yBefore = yAxis.value; });
  panel.addEventListener('fitter:knobs', (event) => {
    query = event.detail.query;
    points = event.detail.points || '';
    later();
  });
  method.addEventListener('change', later);
  rate.addEventListener('change', later);
  section.classList.add('ready');
}
