/**
 * The timeline's items as the events they report: the API gives every linked report its own
 * item, each carrying the incident they form; the board shows that incident once, where its
 * first report on the page stood.
 */
export function entriesOf(items) {
  const entries = [];
  const incidents = new Map();
  for (const item of items) {
    if (!item.incident) entries.push({ item });
    else if (incidents.has(item.incident.id)) incidents.get(item.incident.id).items.push(item);
    else {
      const entry = { incident: item.incident, items: [item] };
      incidents.set(item.incident.id, entry);
      entries.push(entry);
    }
  }
  return entries;
}

/** One item per event: an incident's first report stands for it (the chart counts events once). */
export const onePerEvent = (items) => entriesOf(items).map((entry) => entry.item ?? entry.items[0]);
