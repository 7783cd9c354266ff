/** "What did you change?": why the last routine was different, or why routines are refused. */
import { blockers } from '../../core/safety';
import { blockedSpeech, changesExplained, reasons } from '../../speech/safety';
import { healthIntent, profileOf } from './health-profile';
import { ask } from '../reply';
import { catalogueOf } from '../input';

export const SafetyChangesIntentHandler = healthIntent('SafetyChangesIntent', (h, t, state) => {
  const profile = profileOf(state, catalogueOf(h).safety);
  const blocking = blockers(profile);
  let speech: string;
  if (blocking.length > 0) {
    speech = blockedSpeech(t, blocking);
  } else if (state.adjusted) {
    speech = changesExplained(t, state.adjusted.routineName, state.adjusted.changes);
  } else if (profile.conditions.length > 0 || profile.unknownCondition) {
    const ids = profile.conditions.map((c) => c.id);
    speech = t('safety.change.notYet', {
      reasons: reasons(t, profile.unknownCondition ? [...ids, 'unknown'] : ids),
    });
  } else {
    speech = t('safety.change.none');
  }
  return ask(h, `${speech} ${t('safety.anythingElse')}`, t('safety.reprompt'));
});
