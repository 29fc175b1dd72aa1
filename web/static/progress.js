// The index: ticks the lessons this browser has finished and says how far through the course it is.

import { doneLessons, forgetProgress } from './course.js';

const items = [...document.querySelectorAll('ol.lessons li[data-lesson-id]')];
const line = document.querySelector('.progress-line');
const forget = document.querySelector('button.forget-progress');

function show() {
  const done = doneLessons();
  let count = 0;
  for (const li of items) {
    const finished = done.has(li.dataset.lessonId);
    li.classList.toggle('done', finished);
    li.querySelector('.done-mark').hidden = !finished;
    if (finished) count++;
  }
  if (line && items.length > 0) {
    line.textContent = count === 0
      ? 'Step a lesson to its end and it is ticked here (kept in this browser only).'
      : `${count} of ${items.length} lessons done (kept in this browser only).`;
    line.hidden = false;
  }
  if (forget) forget.hidden = count === 0;
}

if (forget) {
  forget.addEventListener('click', () => {
    forgetProgress();
    show();
  });
}
show();
