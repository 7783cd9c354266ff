/**
 * The page's suggestion chips: things to say that show what the skill does, from a first question
 * to a guided routine and its controls. A test checks each is understood as the intent it is for.
 */
export const SUGGESTIONS: readonly string[] = [
  'open pressure point guide',
  'where is kunlun',
  'which point helps sciatica',
  'tell me more',
  'how long do I hold it',
  'start a routine',
  'pause',
  'resume',
  'next',
  'how long is left',
  'help',
  'stop',
];
