// A lesson page around the stepper: shows the author's notes and checkpoints at their steps,
// hides a checkpoint's value or gradient until the learner has answered, holds → at an open
// checkpoint (the stepper reads data-hold), checks each try on the server, and marks the lesson
// done in this browser when it is stepped to its end with every checkpoint settled.

import { markDone } from './course.js';
import { renderProse } from './prose.js';

for (const stage of document.querySelectorAll('.lesson-stage')) wire(stage);

function wire(stage) {
  const id = stage.dataset.lessonId;
  const stepper = stage.querySelector('.stepper');
  const notes = [...stage.querySelectorAll('.notes .note')];
  const checkpoints = [...stage.querySelectorAll('form.checkpoint')];
  // settled: answered right, wrong twice, or shown; the server says which in the form's class
  const settled = new Set(checkpoints.filter((f) => f.classList.contains('settled')));
  let step = Number(stepper?.dataset.step) || 0;

  function nodeOf(form) {
    return stepper.querySelector(`g.node[data-node-id="${form.dataset.nodeId}"]`);
  }

  /** The steps → may not pass: those with a checkpoint still open. */
  function hold() {
    if (!stepper) return;
    stepper.dataset.hold = checkpoints.filter((f) => !settled.has(f)).map((f) => f.dataset.step).join(' ');
  }

  function show(s) {
    step = s;
    let replaced = false;
    for (const note of notes) {
      const here = Number(note.dataset.step) === s;
      note.hidden = !here;
      if (here && note.classList.contains('replace')) replaced = true;
    }
    stage.classList.toggle('replaced', replaced);
    let quizzing = false;
    for (const form of checkpoints) {
      const here = Number(form.dataset.step) === s;
      form.hidden = !here;
      if (!here) form.querySelector('.held').hidden = true;
      const asking = here && !settled.has(form);
      const node = nodeOf(form);
      // the server names the classes that hide what the checkpoint asks
      if (node) {
        for (const cls of form.dataset.quizClass.split(' ')) node.classList.toggle(cls, asking);
        nameByShownTexts(node);
      }
      if (asking) quizzing = true;
    }
    stage.classList.toggle('quizzing', quizzing);
  }

  /** A node is named by the texts its box shows: what a checkpoint hides is not read out either. */
  function nameByShownTexts(node) {
    const shown = [...node.querySelectorAll('text[id]')].filter((t) => getComputedStyle(t).visibility !== 'hidden');
    node.setAttribute('aria-labelledby', shown.map((t) => t.id).join(' '));
  }

  // "done" means stepped through to the end with every checkpoint settled: End or the scrubber
  // reaching the end does not count (a redraw or a changed hold repeats the step and keeps it)
  let steppedToEnd = false;
  function maybeDone() {
    if (steppedToEnd && id && checkpoints.every((f) => settled.has(f))) markDone(id);
  }

  stage.addEventListener('stepper:step', (event) => {
    show(event.detail.step);
    if (event.detail.via === 'step' || event.detail.via === 'jump') {
      steppedToEnd = event.detail.via === 'step' && event.detail.step === event.detail.stepCount;
    }
    maybeDone();
  });

  stage.addEventListener('stepper:held', (event) => {
    for (const form of checkpoints) {
      if (Number(form.dataset.step) !== event.detail.step || settled.has(form)) continue;
      form.querySelector('.held').hidden = false;
      form.querySelector('input[name="answer"]').focus();
    }
  });

  for (const form of checkpoints) {
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const input = form.querySelector('input[name="answer"]');
      const tries = form.querySelector('input[name="try"]');
      const verdict = form.querySelector('.verdict-text');
      const reveal = event.submitter?.name === 'reveal';
      const url = new URL(form.dataset.check, window.location.href);
      if (reveal) url.searchParams.set('reveal', '1');
      else if (input.value.trim() === '') {
        verdict.textContent = 'Type a number first, or press “Show me”.';
        return;
      } else {
        url.searchParams.set('answer', input.value);
        url.searchParams.set('try', tries.value);
      }
      let result;
      try {
        const response = await fetch(url, { headers: { Accept: 'application/json' } });
        result = await response.json();
        if (!response.ok) throw new Error(result.error || String(response.status));
      } catch (error) {
        verdict.textContent = `The answer could not be checked (${error.message}).`;
        return;
      }
      // the same classes the server gives a no-script form (LessonView.CheckpointView.cssClass)
      const how = result.right ? 'right' : result.settled ? (result.counted ? 'wrong' : 'shown') : result.counted ? 'retry' : 'not-number';
      form.classList.remove('right', 'wrong', 'shown', 'retry', 'not-number');
      form.classList.add(how);
      form.classList.toggle('settled', result.settled);
      verdict.textContent = result.verdict;
      if (result.counted && !result.settled) tries.value = String(Number(tries.value) + 1);
      if (result.settled) {
        let explanation = form.querySelector('.explanation');
        if (!explanation) {
          explanation = document.createElement('div');
          explanation.className = 'prose explanation';
          form.querySelector('.verdict').append(explanation);
        }
        explanation.replaceChildren(...renderProse(result.explanation));
        settled.add(form);
        form.querySelector('.show-me').hidden = true;
        form.querySelector('.held').hidden = true;
        hold();
        stepper.dispatchEvent(new CustomEvent('stepper:hold'));
        maybeDone();
      }
      show(step);
    });
  }

  // A no-script answer in the URL has done its job once the page is live.
  const url = new URL(window.location.href);
  if (url.searchParams.has('answer') || url.searchParams.has('reveal')) {
    for (const name of ['answer', 'checkpoint', 'try', 'reveal']) url.searchParams.delete(name);
    window.history.replaceState(window.history.state, '', url);
  }
  hold();
  show(step);
}
