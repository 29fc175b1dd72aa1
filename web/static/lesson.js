// A lesson page around the stepper: shows the author's notes and checkpoints at their steps,
// hides a checkpoint's value or gradient until the learner has answered, checks the answer on
// the server, and marks the lesson done in this browser when it is stepped to its end.

import { markDone } from './course.js';
import { renderProse } from './prose.js';

for (const stage of document.querySelectorAll('.lesson-stage')) wire(stage);

function wire(stage) {
  const id = stage.dataset.lessonId;
  const stepper = stage.querySelector('.stepper');
  const notes = [...stage.querySelectorAll('.notes .note')];
  const checkpoints = [...stage.querySelectorAll('form.checkpoint')];
  const answered = new Set(checkpoints.filter((f) => f.classList.contains('right') || f.classList.contains('wrong')));
  let step = Number(stepper?.dataset.step) || 0;

  function nodeOf(form) {
    return stepper.querySelector(`g.node[data-node-id="${form.dataset.nodeId}"]`);
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
      const asking = here && !answered.has(form);
      const node = nodeOf(form);
      // the server names the classes that hide what the checkpoint asks
      if (node) for (const cls of form.dataset.quizClass.split(' ')) node.classList.toggle(cls, asking);
      if (asking) quizzing = true;
    }
    stage.classList.toggle('quizzing', quizzing);
  }

  stage.addEventListener('stepper:step', (event) => {
    show(event.detail.step);
    if (event.detail.step === event.detail.stepCount && id) markDone(id);
  });

  for (const form of checkpoints) {
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const input = form.querySelector('input[name="answer"]');
      const verdict = form.querySelector('.verdict-text');
      const url = new URL(form.dataset.check, window.location.href);
      url.searchParams.set('answer', input.value);
      let result;
      try {
        const response = await fetch(url, { headers: { Accept: 'application/json' } });
        result = await response.json();
        if (!response.ok) throw new Error(result.error || String(response.status));
      } catch (error) {
        verdict.textContent = `The answer could not be checked (${error.message}).`;
        return;
      }
      form.classList.toggle('right', result.right);
      form.classList.toggle('wrong', !result.right);
      verdict.textContent = result.verdict;
      let explanation = form.querySelector('.explanation');
      if (!explanation) {
        explanation = document.createElement('div');
        explanation.className = 'prose explanation';
        form.querySelector('.verdict').append(explanation);
      }
      explanation.replaceChildren(...renderProse(result.explanation));
      answered.add(form);
      show(step);
    });
  }

  // A no-script answer in the URL has done its job once the page is live.
  const url = new URL(window.location.href);
  if (url.searchParams.has('answer')) {
    url.searchParams.delete('answer');
    url.searchParams.delete('checkpoint');
    window.history.replaceState(window.history.state, '', url);
  }
  show(step);
}
