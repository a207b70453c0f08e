/** Each tag of the document, and what a reader finds under it. */
export const API_TAGS: ReadonlyArray<readonly [name: string, description: string]> = [
  ['talks', 'Tracks of talks: open, stall, resume, conclude; each track’s status now or in the past, and its full history.'],
  ['meetings and visits', 'Claims of envoys’ visits, meetings held and meetings expected, under a track.'],
  ['prisoner swaps', 'Claims of prisoner swaps: every person freed, by whom.'],
  ['ceasefires', 'Claims of ceasefires brokered, violated and ended, and of hostages released.'],
  ['corrections', 'Nothing is overwritten: a correction or a retraction of a claim is itself a claim, with its own sources.'],
  ['actors', 'People, states and organisations: registered before a claim can name them; their profiles, histories and activity.'],
  ['incidents', 'Claims linked as reports of one real-world event count once; suggestions of pairs to link, for an editor to confirm.'],
  ['timeline', 'Every live claim in date order, as JSON pages or as CSV and JSON Lines exports.'],
  ['releases', 'Every person freed by prisoner swaps and hostage releases.'],
  ['events', 'The global feed of every recorded event, in the order it was recorded.'],
  ['subscriptions', 'Live feeds over Server-Sent Events: recorded events, and talks statuses as they change.'],
  ['operations', 'Health, the catalogue of error codes, API keys and projections (admin).'],
];
