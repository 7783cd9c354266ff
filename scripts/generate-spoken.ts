/**
 * Writes data/text/<lang>/spoken.json for the languages whose number words follow a rule this script
 * knows (en, de, es, fr): how people and speech recognition say point codes in that language (channel
 * words, number words 0-99, leading articles, trailing words like "Punkt"). The runtime only reads the
 * JSON (core/spoken-forms.ts), so a new language may write its spoken.json by hand instead.
 *
 *   tsx scripts/generate-spoken.ts          write the files
 *   tsx scripts/generate-spoken.ts --check  exit 1 if a committed file differs
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SpokenLanguage } from '../lambda/src/core/spoken-forms';

const ROOT = path.resolve(__dirname, '..');

const EN_UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const EN_TEENS = [
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

function english(n: number): string {
  if (n < 10) return EN_UNITS[n];
  if (n < 20) return EN_TEENS[n - 10];
  return n % 10 === 0 ? EN_TENS[n / 10] : `${EN_TENS[Math.floor(n / 10)]} ${EN_UNITS[n % 10]}`;
}

const DE_UNITS = ['null', 'eins', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun'];
const DE_TEENS = [
  'zehn',
  'elf',
  'zwölf',
  'dreizehn',
  'vierzehn',
  'fünfzehn',
  'sechzehn',
  'siebzehn',
  'achtzehn',
  'neunzehn',
];
const DE_TENS = [
  '',
  '',
  'zwanzig',
  'dreißig',
  'vierzig',
  'fünfzig',
  'sechzig',
  'siebzig',
  'achtzig',
  'neunzig',
];

/** German writes 21-99 as one word, the unit first: "dreiundzwanzig", "einundvierzig". */
function german(n: number): string {
  if (n < 10) return DE_UNITS[n];
  if (n < 20) return DE_TEENS[n - 10];
  const unit = n % 10;
  const tens = DE_TENS[Math.floor(n / 10)];
  if (unit === 0) return tens;
  return `${unit === 1 ? 'ein' : DE_UNITS[unit]}und${tens}`;
}

const ES_0_29 = [
  'cero',
  'uno',
  'dos',
  'tres',
  'cuatro',
  'cinco',
  'seis',
  'siete',
  'ocho',
  'nueve',
  'diez',
  'once',
  'doce',
  'trece',
  'catorce',
  'quince',
  'dieciséis',
  'diecisiete',
  'dieciocho',
  'diecinueve',
  'veinte',
  'veintiuno',
  'veintidós',
  'veintitrés',
  'veinticuatro',
  'veinticinco',
  'veintiséis',
  'veintisiete',
  'veintiocho',
  'veintinueve',
];
const ES_TENS = ['', '', '', 'treinta', 'cuarenta', 'cincuenta', 'sesenta', 'setenta', 'ochenta', 'noventa'];

/** Spanish: one word to 29 ("veintitrés"), then "sesenta y siete". */
function spanish(n: number): string {
  if (n < 30) return ES_0_29[n];
  const unit = n % 10;
  const tens = ES_TENS[Math.floor(n / 10)];
  return unit === 0 ? tens : `${tens} y ${ES_0_29[unit]}`;
}

const FR_0_19 = [
  'zéro',
  'un',
  'deux',
  'trois',
  'quatre',
  'cinq',
  'six',
  'sept',
  'huit',
  'neuf',
  'dix',
  'onze',
  'douze',
  'treize',
  'quatorze',
  'quinze',
  'seize',
  'dix-sept',
  'dix-huit',
  'dix-neuf',
];
const FR_TENS = ['', '', 'vingt', 'trente', 'quarante', 'cinquante', 'soixante'];

/** French: "vingt et un", "soixante-sept", "soixante-dix", "quatre-vingts", "quatre-vingt-dix-neuf". */
function french(n: number): string {
  if (n < 20) return FR_0_19[n];
  if (n < 70) {
    const unit = n % 10;
    const tens = FR_TENS[Math.floor(n / 10)];
    if (unit === 0) return tens;
    return unit === 1 ? `${tens} et un` : `${tens}-${FR_0_19[unit]}`;
  }
  if (n < 80) return n === 71 ? 'soixante et onze' : `soixante-${FR_0_19[n - 60]}`;
  if (n === 80) return 'quatre-vingts';
  return `quatre-vingt-${FR_0_19[n - 80]}`;
}

/** Spoken forms of each WHO channel prefix in data/points.json, by language. */
const LANGUAGES: Record<string, SpokenLanguage> = {
  en: {
    language: 'en',
    channels: {
      BL: ['b l', 'bl', 'bladder', 'bladder meridian', 'urinary bladder', 'u b'],
      GB: ['g b', 'gb', 'gallbladder', 'gall bladder'],
      CV: ['c v', 'cv', 'conception vessel', 'ren'],
      LI: ['l i', 'li', 'large intestine'],
      SP: ['s p', 'sp', 'spleen'],
      GV: ['g v', 'gv', 'governing vessel', 'du'],
      KI: ['k i', 'ki', 'kidney'],
      ST: ['s t', 'st', 'stomach'],
      LV: ['l v', 'lv', 'liver'],
      B: ['b'],
    },
    numbers: [],
    numberAliases: { oh: 0 },
    articles: ['the', 'a', 'an'],
    definiteArticle: 'the',
    trailing: ['acupressure point', 'pressure point', 'point', 'acupoint'],
    leading: ['point', 'acupoint'],
    apostrophe: 'join',
    notPointWords: ['the', 'of', 'a', 'an', 'point', 'points', 'it', 'is', 'this', 'that', 'i', 'my'],
    and: 'and',
    conjunctions: ['and', 'with', 'plus', 'but', 'also', 'as well as', 'or'],
    fillers: {
      leading: ['yes', 'yeah', 'well', 'and', 'also', 'but', 'oh', 'um', 'so'],
      then: ['my', 'some', 'really', 'very bad', 'bad', 'a bit of', 'a lot of'],
      trailing: ['as well', 'too', 'also', 'now', 'today', 'again'],
    },
    backPain: {
      after: ' (and|with|plus) (my |some |a )?(lower )?back (pain|ache|hurts|hurting|is sore)$',
      before: '^(i have |ive got |i got )?(lower )?back (pain|ache) (and|with|plus) ',
    },
    partsOfDay: {
      morning: ['morning', 'mornings'],
      afternoon: ['afternoon', 'afternoons'],
      evening: ['evening', 'evenings'],
      night: ['night', 'nights', 'tonight', 'bedtime'],
    },
    score: {
      minus: ['minus', 'negative'],
      half: ['and a half', 'point five'],
      halfJoined: [],
      outOf: ['out of ten', 'out of 10'],
      zero: ['nought', 'none', 'nothing'],
      hundred: ['hundred'],
    },
  },
  de: {
    language: 'de',
    channels: {
      BL: ['b l', 'bl', 'blase', 'blasenmeridian', 'harnblase', 'blasen meridian'],
      GB: ['g b', 'gb', 'gallenblase', 'gallenblasenmeridian', 'galle'],
      CV: ['c v', 'cv', 'konzeptionsgefäß', 'ren', 'ren mai'],
      LI: ['l i', 'li', 'dickdarm', 'di'],
      SP: ['s p', 'sp', 'milz', 'mp', 'milz pankreas'],
      GV: ['g v', 'gv', 'lenkergefäß', 'du', 'du mai'],
      KI: ['k i', 'ki', 'niere', 'nierenmeridian'],
      ST: ['s t', 'st', 'magen', 'ma'],
      LV: ['l v', 'lv', 'leber', 'le'],
      B: ['b'],
    },
    numbers: [],
    numberAliases: {},
    articles: ['der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einen', 'einem'],
    trailing: ['akupressurpunkt', 'akupunkturpunkt', 'druckpunkt', 'punkt'],
    leading: ['punkt', 'akupunkturpunkt', 'akupressurpunkt'],
    apostrophe: 'join',
    notPointWords: [
      'der',
      'die',
      'das',
      'den',
      'dem',
      'des',
      'ein',
      'eine',
      'punkt',
      'punkte',
      'es',
      'ist',
      'dieser',
      'das',
      'ich',
      'mein',
      'meine',
      'von',
    ],
    and: 'und',
    conjunctions: ['und', 'mit', 'plus', 'aber', 'auch', 'sowie', 'oder'],
    fillers: {
      leading: ['ja', 'also', 'und', 'aber', 'oh', 'äh', 'ähm', 'naja'],
      then: ['mein', 'meine', 'meinen', 'etwas', 'wirklich', 'sehr', 'starke', 'starken', 'ein bisschen'],
      trailing: ['auch', 'noch', 'jetzt', 'heute', 'wieder', 'dazu'],
    },
    backPain: {
      after: ' (und|mit|plus) (meine |meinen |etwas )?(kreuzschmerzen|ruckenschmerzen|rucken schmerzen)$',
      before: '^(ich habe )?(kreuzschmerzen|ruckenschmerzen) (und|mit|plus) ',
    },
    partsOfDay: {
      morning: ['morgens', 'am morgen', 'früh', 'vormittag', 'vormittags'],
      afternoon: ['nachmittag', 'nachmittags', 'am nachmittag'],
      evening: ['abend', 'abends', 'am abend', 'heute abend'],
      night: ['nacht', 'nachts', 'heute nacht', 'in der nacht', 'vor dem schlafengehen', 'schlafenszeit'],
    },
    score: {
      minus: ['minus'],
      half: ['einhalb', 'und ein halb', 'komma fünf', 'punkt fünf'],
      halfJoined: ['einhalb'],
      outOf: ['von zehn', 'von 10', 'auf zehn'],
      zero: ['keine schmerzen', 'schmerzfrei', 'gar nichts'],
      hundred: ['hundert', 'einhundert'],
    },
  },
  es: {
    language: 'es',
    channels: {
      BL: ['b l', 'bl', 'be ele', 'vejiga', 'meridiano de la vejiga', 'vejiga urinaria', 'v'],
      GB: ['g b', 'gb', 'vesícula biliar', 'vesícula', 'vb'],
      CV: ['c v', 'cv', 'vaso concepción', 'vaso de la concepción', 'ren'],
      LI: ['l i', 'li', 'intestino grueso', 'ig'],
      SP: ['s p', 'sp', 'bazo', 'bp', 'bazo páncreas'],
      GV: ['g v', 'gv', 'vaso gobernador', 'du'],
      KI: ['k i', 'ki', 'riñón'],
      ST: ['s t', 'st', 'estómago'],
      LV: ['l v', 'lv', 'hígado'],
      B: ['b'],
    },
    numbers: [],
    numberAliases: { un: 1 },
    articles: ['el', 'la', 'los', 'las', 'un', 'una', 'lo'],
    trailing: ['punto de acupresión', 'punto de acupuntura', 'punto de presión', 'punto'],
    leading: ['punto', 'el punto'],
    apostrophe: 'join',
    notPointWords: [
      'el',
      'la',
      'los',
      'las',
      'de',
      'del',
      'un',
      'una',
      'punto',
      'puntos',
      'es',
      'esto',
      'eso',
      'este',
      'yo',
      'mi',
    ],
    and: 'y',
    conjunctions: ['y', 'e', 'con', 'mas', 'pero', 'tambien', 'o'],
    fillers: {
      leading: ['sí', 'si', 'bueno', 'pues', 'y', 'también', 'pero', 'oh', 'eh'],
      then: ['mi', 'mis', 'un poco de', 'mucho', 'mucha', 'bastante', 'algo de'],
      trailing: ['también', 'ahora', 'hoy', 'otra vez', 'de nuevo'],
    },
    backPain: {
      after: ' (y|con|mas) (el |un )?dolor (de|en la) (espalda|espalda baja|zona lumbar)$',
      before: '^(tengo )?(dolor (de|en la) )?(espalda|lumbago|lumbalgia) (y|con|mas) ',
    },
    partsOfDay: {
      morning: ['mañana', 'mañanas', 'por la mañana', 'de la mañana'],
      afternoon: ['tarde', 'tardes', 'por la tarde', 'de la tarde'],
      evening: ['atardecer', 'anochecer', 'al atardecer'],
      night: [
        'noche',
        'noches',
        'esta noche',
        'por la noche',
        'de la noche',
        'antes de dormir',
        'hora de dormir',
      ],
    },
    score: {
      minus: ['menos'],
      half: ['y medio', 'y media', 'coma cinco', 'punto cinco'],
      halfJoined: [],
      outOf: ['de diez', 'sobre diez', 'de 10', 'sobre 10'],
      zero: ['sin dolor', 'nada de dolor'],
      hundred: ['cien', 'ciento'],
    },
  },
  fr: {
    language: 'fr',
    channels: {
      BL: ['b l', 'bl', 'vessie', 'méridien de la vessie', 'v'],
      GB: ['g b', 'gb', 'vésicule biliaire', 'vésicule', 'vb'],
      CV: ['c v', 'cv', 'vaisseau conception', 'ren mai', 'ren'],
      LI: ['l i', 'li', 'gros intestin', 'gi'],
      SP: ['s p', 'sp', 'rate', 'rate pancréas', 'rp'],
      GV: ['g v', 'gv', 'vaisseau gouverneur', 'du mai', 'du'],
      KI: ['k i', 'ki', 'rein'],
      ST: ['s t', 'st', 'estomac'],
      LV: ['l v', 'lv', 'foie'],
      B: ['b'],
    },
    numbers: [],
    numberAliases: { 'quatre vingt': 80 },
    articles: ['le', 'la', 'les', 'l', 'un', 'une', 'du', 'des'],
    trailing: ["point d'acupression", "point d'acupuncture", 'point de pression', 'point'],
    leading: ['point', 'le point'],
    apostrophe: 'space',
    notPointWords: [
      'le',
      'la',
      'les',
      'l',
      'de',
      'du',
      'des',
      'un',
      'une',
      'point',
      'points',
      'est',
      'ce',
      'cet',
      'cette',
      'je',
      'mon',
      'ma',
      'c',
    ],
    and: 'et',
    conjunctions: ['et', 'avec', 'plus', 'mais', 'aussi', 'ainsi que', 'ou'],
    fillers: {
      leading: ['oui', 'ben', 'bon', 'alors', 'et', 'aussi', 'mais', 'oh', 'euh'],
      then: ['mon', 'ma', 'mes', 'un peu de', 'beaucoup de', 'vraiment', 'très'],
      trailing: ['aussi', 'également', 'maintenant', "aujourd'hui", 'encore'],
    },
    backPain: {
      after:
        ' (et|avec|plus) (un |une |mon |du )?(mal de dos|mal au dos|lumbago|douleur lombaire|mal aux reins)$',
      before: '^(j ai )?(un )?(mal de dos|mal au dos|lumbago|mal aux reins) (et|avec|plus) ',
    },
    partsOfDay: {
      morning: ['matin', 'matins', 'matinée', 'le matin', 'du matin'],
      afternoon: ['après-midi', "l'après-midi", "de l'après-midi"],
      evening: ['soir', 'soirs', 'soirée', 'ce soir', 'le soir', 'du soir'],
      night: ['nuit', 'nuits', 'cette nuit', 'la nuit', 'coucher', 'au coucher', 'heure du coucher'],
    },
    score: {
      minus: ['moins'],
      half: ['et demi', 'et demie', 'virgule cinq'],
      halfJoined: [],
      outOf: ['sur dix', 'sur 10'],
      zero: ['aucune douleur', 'pas de douleur', 'rien du tout'],
      hundred: ['cent'],
    },
  },
};

const NUMBER_WORDS: Record<string, (n: number) => string> = {
  en: english,
  de: german,
  es: spanish,
  fr: french,
};

export function spokenLanguage(language: string): SpokenLanguage {
  const spoken = LANGUAGES[language];
  const words = NUMBER_WORDS[language];
  return { ...spoken, numbers: Array.from({ length: 100 }, (_, n) => words(n)) };
}

export function spokenPath(language: string): string {
  return path.join(ROOT, 'data', 'text', language, 'spoken.json');
}

/** The file as committed (generated, so Prettier leaves it alone: .prettierignore). */
export function serialiseSpoken(language: string): string {
  return `${JSON.stringify(spokenLanguage(language), null, 2)}\n`;
}

export const GENERATED_SPOKEN_LANGUAGES = Object.keys(LANGUAGES);

function main(): void {
  const check = process.argv.includes('--check');
  let stale = false;
  for (const language of GENERATED_SPOKEN_LANGUAGES) {
    const file = spokenPath(language);
    const text = serialiseSpoken(language);
    if (check) {
      if (!existsSync(file) || readFileSync(file, 'utf8') !== text) {
        stale = true;
        console.error(`${path.relative(ROOT, file)} is out of date: run npm run generate:model`);
      }
    } else {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text);
      console.log(`wrote ${path.relative(ROOT, file)}`);
    }
  }
  if (stale) process.exit(1);
}

if (require.main === module) main();
