// Progress through the course, kept in this browser only (localStorage): the ids of the lessons
// a learner has stepped to the end of. Nothing is sent anywhere.

const KEY = 'stepgrad.done.v1';

export function doneLessons() {
  try {
    const ids = JSON.parse(window.localStorage.getItem(KEY) || '[]');
    return new Set(Array.isArray(ids) ? ids.filter((id) => typeof id === 'string') : []);
  } catch {
    return new Set(); // storage off or mangled: no progress shown, nothing breaks
  }
}

export function markDone(id) {
  const done = doneLessons();
  if (done.has(id)) return;
  done.add(id);
  try {
    window.localStorage.setItem(KEY, JSON.stringify([...done]));
  } catch {
    // storage full or off: progress is a nicety
  }
}

/** Forgets every finished lesson, for a shared classroom computer or a fresh start. */
export function forgetProgress() {
  try {
    window.localStorage.removeItem(KEY);
  } catch {
    // storage off: there was nothing kept
  }
}
