/**
 * Builds DOM nodes. Text is always a text node, never parsed as HTML, so nothing the API
 * answers can become markup; with no inline handlers the page runs under a CSP without
 * 'unsafe-inline'.
 *
 * h('a', { href: '#/', class: 'brand', on: { click: handler } }, 'Parley', child)
 */
export function h(tag, attributes = {}, ...children) {
  return build(document.createElement(tag), attributes, children);
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The same for SVG elements, which live in their own namespace. */
export function s(tag, attributes = {}, ...children) {
  return build(document.createElementNS(SVG_NS, tag), attributes, children);
}

function build(element, attributes, children) {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'on') for (const [type, handler] of Object.entries(value)) element.addEventListener(type, handler);
    else if (name === 'dataset') Object.assign(element.dataset, value);
    else if (name === 'value' && 'value' in element) element.value = value;
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  element.append(...children.flat(Infinity).filter((child) => child !== undefined && child !== null && child !== false).map((child) => (child instanceof Node ? child : String(child))));
  return element;
}
