import { h } from './element.js';
import { CEASEFIRE_LABELS, LIFECYCLE_LABELS } from './wording.js';

/** The two dimensions of a track's status, each a badge whose text says what its colour shows. */
export const lifecycleBadge = (lifecycle) =>
  h('span', { class: `badge lifecycle-${lifecycle}`, dataset: { lifecycle } }, `Talks: ${LIFECYCLE_LABELS[lifecycle] ?? lifecycle}`);

export const ceasefireBadge = (ceasefire) =>
  h('span', { class: `badge ceasefire-${ceasefire.status}`, dataset: { ceasefire: ceasefire.status } }, `Ceasefire: ${CEASEFIRE_LABELS[ceasefire.status] ?? ceasefire.status}`);
