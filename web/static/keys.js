// Keyboard stepping: ←/→, PageUp/PageDown (presentation clickers), Space, Home/End; where the
// graph has clusters, B or . blanks the screen; ]/[ or N/Shift+N for the next/previous point and S to skip other points.
// Handled keys never scroll the page; keys typed into the editor or a form field are left alone.

const ACTIONS = {
  ArrowRight: 'next',
  PageDown: 'next',
  ArrowLeft: 'prev',
  PageUp: 'prev',
  Home: 'start',
  End: 'end',
  ' ': 'toggle',
  p: 'present',
  b: 'blank',
  B: 'blank',
  '.': 'blank',
  '+': 'zoomIn',
  '=': 'zoomIn',
  '-': 'zoomOut',
  0: 'fit',
  ']': 'nextPoint',
  '[': 'prevPoint',
  n: 'nextPoint',
  N: 'prevPoint',
  s: 'skip',
};

export function wireKeys(handlers) {
  document.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
    const action = ACTIONS[event.key];
    if (!action || !handlers[action] || typing(event.target)) return;
    event.preventDefault();
    handlers[action]();
  });
}

/** The scrubber and text fields handle their own keys. */
function typing(target) {
  if (!(target instanceof Element)) return false;
  return target.closest('textarea, input, select, [contenteditable=""], [contenteditable="true"]') !== null;
}
