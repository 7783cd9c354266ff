/**
 * What Alexa knows in each language without the skill's model: the common phrasings of Amazon's
 * built-in intents (their samples live inside Alexa) and the words that open a skill ("öffne …",
 * "abre …", "ouvre …") or ask it something in one go ("frag …", "pregunta a …", "demande à …").
 * The simulator's matcher (nlu.ts) takes them by the locale's language; any other language gets
 * the English ones.
 */

export type MatcherLanguage = 'en' | 'de' | 'es' | 'fr';

export interface LanguagePhrases {
  /** Built-in intent → phrasings. */
  builtIns: Record<string, string[]>;
  /** Words that launch a skill before its invocation name ("open", "talk to"). */
  launchVerbs: string[];
  /** Articles that may stand before an invocation name ("den", "la", "el"). */
  articles: string[];
  /** Words that ask a skill something in one go, before its invocation name ("ask", "tell"). */
  oneShotVerbs: string[];
  /** Words that may join the invocation name to the request ("to", "about", "ob"). */
  joiners: string[];
  /** A polite word that may follow a launch ("please", "bitte"). */
  please: string[];
}

const EN: LanguagePhrases = {
  builtIns: {
    'AMAZON.StopIntent': [
      'stop',
      'stop it',
      'exit',
      'quit',
      'goodbye',
      'bye',
      'shut up',
      'off',
      "that's enough",
      'enough',
    ],
    'AMAZON.CancelIntent': ['cancel', 'never mind', 'nevermind', 'forget it'],
    'AMAZON.HelpIntent': ['help', 'help me', 'what can i say', 'what can you do'],
    'AMAZON.YesIntent': [
      'yes',
      'yeah',
      'yep',
      'yes please',
      'sure',
      'ok',
      'okay',
      'please do',
      'go ahead',
      'alright',
    ],
    'AMAZON.NoIntent': ['no', 'nope', 'no thanks', 'no thank you', 'not now', 'nah'],
    'AMAZON.RepeatIntent': ['repeat', 'repeat that', 'say that again', 'again', 'what did you say', 'pardon'],
    'AMAZON.NavigateHomeIntent': ['home', 'go home', 'main menu', 'start page'],
    'AMAZON.PauseIntent': ['pause', 'hold on', 'wait', 'pause the routine', 'hang on'],
    'AMAZON.ResumeIntent': ['resume', 'carry on', 'unpause', 'keep going', 'continue the routine'],
    'AMAZON.NextIntent': [
      'next',
      'continue',
      'go on',
      'skip ahead',
      'next one',
      "i'm ready",
      'im ready',
      'ready',
      'next step',
    ],
    'AMAZON.PreviousIntent': ['previous', 'go back', 'back', 'previous one', 'last one', 'previous step'],
    'AMAZON.StartOverIntent': ['start over', 'restart', 'start again', 'from the beginning', 'begin again'],
    'AMAZON.ShuffleOffIntent': [],
  },
  launchVerbs: ['open', 'launch', 'start', 'begin', 'run', 'load', 'use', 'talk to', 'ask', 'tell'],
  articles: ['the'],
  oneShotVerbs: ['ask', 'tell', 'use', 'open'],
  joiners: ['to', 'about', 'if', 'whether', 'for', 'and'],
  please: ['please'],
};

const DE: LanguagePhrases = {
  builtIns: {
    'AMAZON.StopIntent': [
      'stopp',
      'stop',
      'stoppen',
      'halt',
      'beenden',
      'beende',
      'aufhören',
      'hör auf',
      'tschüss',
      'schluss',
      'genug',
      'aus',
    ],
    'AMAZON.CancelIntent': ['abbrechen', 'brich ab', 'vergiss es', 'egal', 'schon gut'],
    'AMAZON.HelpIntent': ['hilfe', 'hilf mir', 'was kann ich sagen', 'was kannst du'],
    'AMAZON.YesIntent': [
      'ja',
      'jawohl',
      'ja gerne',
      'ja bitte',
      'klar',
      'okay',
      'ok',
      'genau',
      'mach das',
      'sicher',
    ],
    'AMAZON.NoIntent': ['nein', 'nee', 'nö', 'nein danke', 'jetzt nicht', 'lieber nicht'],
    'AMAZON.RepeatIntent': [
      'wiederholen',
      'wiederhole',
      'wiederhol das',
      'noch mal',
      'nochmal',
      'wie bitte',
      'was hast du gesagt',
    ],
    'AMAZON.NavigateHomeIntent': ['startseite', 'zur startseite', 'hauptmenü', 'zum anfang'],
    'AMAZON.PauseIntent': ['pause', 'pausieren', 'anhalten', 'warte', 'warte mal', 'moment', 'einen moment'],
    'AMAZON.ResumeIntent': ['fortsetzen', 'setz fort', 'mach weiter', 'weitermachen', 'weiter machen'],
    'AMAZON.NextIntent': [
      'weiter',
      'nächster',
      'nächste',
      'der nächste',
      'nächster schritt',
      'fertig',
      'ich bin bereit',
      'bereit',
    ],
    'AMAZON.PreviousIntent': ['zurück', 'geh zurück', 'vorheriger', 'vorherige', 'der vorherige'],
    'AMAZON.StartOverIntent': [
      'von vorne',
      'neu starten',
      'noch mal von vorne',
      'von anfang an',
      'fang von vorne an',
    ],
    'AMAZON.ShuffleOffIntent': [],
  },
  launchVerbs: [
    'öffne',
    'öffnen',
    'starte',
    'starten',
    'start',
    'beginne',
    'lade',
    'benutze',
    'nutze',
    'sprich mit',
    'frag',
    'frage',
  ],
  articles: ['den', 'der', 'die', 'das', 'dem'],
  oneShotVerbs: ['frag', 'frage', 'sag', 'sage', 'bitte', 'öffne', 'starte', 'benutze'],
  joiners: ['nach', 'um', 'zu', 'und', 'dass', 'ob'],
  please: ['bitte'],
};

const ES: LanguagePhrases = {
  builtIns: {
    'AMAZON.StopIntent': [
      'para',
      'parar',
      'detente',
      'alto',
      'basta',
      'ya basta',
      'salir',
      'sal',
      'adiós',
      'apágate',
      'termina',
    ],
    'AMAZON.CancelIntent': ['cancela', 'cancelar', 'olvídalo', 'déjalo', 'no importa'],
    'AMAZON.HelpIntent': ['ayuda', 'ayúdame', 'qué puedo decir', 'qué puedes hacer'],
    'AMAZON.YesIntent': [
      'sí',
      'si',
      'sí por favor',
      'claro',
      'vale',
      'de acuerdo',
      'ok',
      'okay',
      'por supuesto',
      'venga',
    ],
    'AMAZON.NoIntent': ['no', 'no gracias', 'ahora no', 'nop', 'para nada'],
    'AMAZON.RepeatIntent': ['repite', 'repítelo', 'repetir', 'otra vez', 'qué dijiste', 'cómo', 'perdón'],
    'AMAZON.NavigateHomeIntent': ['inicio', 'ir al inicio', 'menú principal', 'pantalla de inicio'],
    'AMAZON.PauseIntent': ['pausa', 'pausar', 'espera', 'un momento', 'espérate', 'pon pausa'],
    'AMAZON.ResumeIntent': ['reanuda', 'reanudar', 'continúa', 'sigue', 'seguir'],
    'AMAZON.NextIntent': [
      'siguiente',
      'el siguiente',
      'la siguiente',
      'próximo',
      'adelante',
      'listo',
      'lista',
      'estoy listo',
      'estoy lista',
    ],
    'AMAZON.PreviousIntent': ['anterior', 'atrás', 'vuelve', 'el anterior', 'la anterior'],
    'AMAZON.StartOverIntent': [
      'empieza de nuevo',
      'desde el principio',
      'volver a empezar',
      'reinicia',
      'otra vez desde el principio',
    ],
    'AMAZON.ShuffleOffIntent': [],
  },
  launchVerbs: [
    'abre',
    'abrir',
    'inicia',
    'iniciar',
    'empieza',
    'lanza',
    'usa',
    'carga',
    'habla con',
    'pregunta a',
    'pídele a',
    'pide a',
  ],
  articles: ['el', 'la', 'los', 'las'],
  oneShotVerbs: ['pregunta a', 'pregúntale a', 'pide a', 'pídele a', 'dile a', 'abre', 'usa'],
  joiners: ['que', 'si', 'sobre', 'por', 'para', 'y'],
  please: ['por favor'],
};

const FR: LanguagePhrases = {
  builtIns: {
    'AMAZON.StopIntent': [
      'stop',
      'arrête',
      'arrêter',
      'arrête-toi',
      'quitte',
      'quitter',
      'au revoir',
      'ça suffit',
      'tais-toi',
      'termine',
    ],
    'AMAZON.CancelIntent': ['annule', 'annuler', 'laisse tomber', 'oublie', 'peu importe'],
    'AMAZON.HelpIntent': [
      'aide',
      'aide-moi',
      "à l'aide",
      "qu'est-ce que je peux dire",
      "qu'est-ce que tu sais faire",
    ],
    'AMAZON.YesIntent': [
      'oui',
      'ouais',
      "d'accord",
      'ok',
      'okay',
      'bien sûr',
      'vas-y',
      'allez-y',
      'volontiers',
      'carrément',
    ],
    'AMAZON.NoIntent': ['non', 'non merci', 'pas maintenant', 'nan', 'pas du tout'],
    'AMAZON.RepeatIntent': [
      'répète',
      'répéter',
      'encore une fois',
      'pardon',
      'comment',
      "qu'est-ce que tu as dit",
    ],
    'AMAZON.NavigateHomeIntent': ['accueil', "retour à l'accueil", 'menu principal', "page d'accueil"],
    'AMAZON.PauseIntent': [
      'pause',
      'mets en pause',
      'attends',
      'attends un peu',
      'un instant',
      'une seconde',
    ],
    'AMAZON.ResumeIntent': ['reprends', 'reprendre', 'continue', 'on continue', 'poursuis'],
    'AMAZON.NextIntent': [
      'suivant',
      'la suite',
      'le suivant',
      'la suivante',
      'prochain',
      'étape suivante',
      'je suis prêt',
      'je suis prête',
      'prêt',
      'prête',
    ],
    'AMAZON.PreviousIntent': ['précédent', 'précédente', 'retour', 'reviens', 'en arrière'],
    'AMAZON.StartOverIntent': [
      'recommence',
      'recommencer',
      'depuis le début',
      'reprends du début',
      'on recommence',
    ],
    'AMAZON.ShuffleOffIntent': [],
  },
  launchVerbs: [
    'ouvre',
    'ouvrir',
    'lance',
    'lancer',
    'démarre',
    'démarrer',
    'commence',
    'utilise',
    'parle à',
    'parler à',
    'demande à',
    'demande au',
  ],
  articles: ['le', 'la', 'les', "l'"],
  oneShotVerbs: ['demande à', 'demande au', 'dis à', 'ouvre', 'lance', 'utilise'],
  joiners: ['de', "d'", 'si', 'pour', 'et'],
  please: ["s'il te plaît", "s'il vous plaît"],
};

export const LANGUAGE_PHRASES: Record<MatcherLanguage, LanguagePhrases> = { en: EN, de: DE, es: ES, fr: FR };

/** The matcher's language for a locale ("fr-CA" → "fr"); anything else is English. */
export function matcherLanguage(locale?: string): MatcherLanguage {
  const code = (locale ?? 'en').slice(0, 2).toLowerCase();
  return code in LANGUAGE_PHRASES ? (code as MatcherLanguage) : 'en';
}
