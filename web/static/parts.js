// The server-drawn panels (the Curve Fitter, the classifier) ask for their drawable parts as an
// HTML fragment and copy them in: each element with data-part="name" replaces the attributes and
// children of the panel's element of the same name. Nothing here computes what it paints.

/** The fragment at partsUrl with these query parameters (an empty one is left out), as the element matching root; a refusal throws its sentence. */
export async function askParts(partsUrl, params, root) {
  const url = new URL(partsUrl, window.location.href);
  for (const [key, value] of Object.entries(params)) if (value !== '') url.searchParams.set(key, String(value));
  const response = await fetch(url, { headers: { Accept: 'text/html' } });
  const text = await response.text();
  if (!response.ok) {
    let sentence = `status ${response.status}`;
    try {
      sentence = JSON.parse(text).error || sentence;
    } catch { // a page route refuses with a page: its sentence is the message
      sentence = new DOMParser().parseFromString(text, 'text/html').querySelector('.message')?.textContent || sentence;
    }
    throw new Error(sentence);
  }
  return new DOMParser().parseFromString(text, 'text/html').querySelector(root);
}

/** Copies each part's attributes and children onto the panel's element of the same data-part. */
export function paintParts(panel, parts) {
  for (const part of parts.querySelectorAll('[data-part]')) {
    const target = panel.querySelector(`[data-part="${part.dataset.part}"]`);
    if (!target) continue;
    for (const { name, value } of part.attributes) target.setAttribute(name, value);
    for (const { name } of [...target.attributes]) if (!part.hasAttribute(name)) target.removeAttribute(name);
    target.replaceChildren(...[...part.childNodes].map((n) => document.importNode(n, true)));
  }
}
