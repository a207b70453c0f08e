import { countDistinct } from '../shared/actor-refs';
import { rejection, Verdict } from '../shared/error-codes';
import { TalksOpened } from './talks.events';
import type { TalksFacts } from './talks.state';

/** Two or more distinct parties, none of them also a mediator. */
export const checkTalksOpened = ({ parties, mediators }: TalksOpened['data']): Verdict => {
  if (countDistinct(parties) < 2) {
    return rejection('TALKS.TOO_FEW_PARTIES', `Talks need at least two distinct parties, got ${countDistinct(parties)}.`, 'parties');
  }
  const both = mediators.findIndex((mediator) => parties.includes(mediator));
  return both < 0
    ? undefined
    : rejection('TALKS.PARTY_IS_MEDIATOR', `'${mediators[both]}' cannot be both a party and a mediator.`, `mediators[${both}]`);
};

export const checkNotConcluded = (facts: TalksFacts): Verdict =>
  facts.status === 'concluded'
    ? rejection('TALKS.CONCLUDED', 'The talks are concluded: only corrections and retractions are accepted.')
    : undefined;

export const checkCanStall = (facts: TalksFacts): Verdict =>
  facts.status === 'stalled' ? rejection('TALKS.ALREADY_STALLED', 'The talks are already stalled.') : undefined;

export const checkCanResume = (facts: TalksFacts): Verdict =>
  facts.status === 'stalled' ? undefined : rejection('TALKS.NOT_STALLED', `Talks that are ${facts.status} cannot resume.`);
