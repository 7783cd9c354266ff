/**
 * Slot types generated from the catalogue in `data/`, in one language. Each generator turns one
 * kind of catalogue entry into an Alexa custom slot type with ids and synonyms; nothing here is
 * written by hand. Ids are the same in every language; the value names and synonyms are the
 * language's own (its overlays, spoken forms and phrasing corpus).
 */
import { englishCatalogue, pointSlotId, type Catalogue } from '../../lambda/src/core/catalogue';

export interface SlotTypeValue {
  id: string;
  name: { value: string; synonyms: string[] };
}

export interface SlotType {
  name: string;
  values: SlotTypeValue[];
}

function value(id: string, name: string, forms: string[]): SlotTypeValue {
  const lowerName = name.toLowerCase();
  return { id, name: { value: name, synonyms: forms.filter((f) => f.toLowerCase() !== lowerName) } };
}

/** Points: every code with its number as digits and as words ("bladder 23", "bladder twenty three"), and the names. */
export function pointSlotType(catalogue: Catalogue = englishCatalogue): SlotType {
  return {
    name: 'PointName',
    values: catalogue.points.map((p) =>
      value(
        pointSlotId(p),
        p.code,
        catalogue.spoken.pointForms(p).map((f) => f.text),
      ),
    ),
  };
}

export function needSlotType(catalogue: Catalogue = englishCatalogue): SlotType {
  return {
    name: 'NeedName',
    values: catalogue.needs.map((n) => value(n.id, n.name, catalogue.spoken.needForms(n))),
  };
}

export function routineSlotType(catalogue: Catalogue = englishCatalogue): SlotType {
  return {
    name: 'RoutineName',
    values: catalogue.routines.map((r) => value(r.id, r.name, catalogue.spoken.routineForms(r))),
  };
}

/** Health conditions ("pregnant", "warfarin") from data/safety.json; ids are condition ids. */
export function conditionSlotType(catalogue: Catalogue = englishCatalogue): SlotType {
  const { safety } = catalogue;
  return {
    name: 'ConditionName',
    values: safety.conditions.map((c) => value(c.id, c.name, safety.healthSpokenForms(c))),
  };
}

/** Red-flag symptoms ("numbness between my legs") from data/safety.json; ids are red flag ids. */
export function redFlagSlotType(catalogue: Catalogue = englishCatalogue): SlotType {
  const { safety } = catalogue;
  return {
    name: 'RedFlagName',
    values: safety.redFlags.map((r) => value(r.id, r.name, safety.healthSpokenForms(r))),
  };
}

/**
 * Everything a health statement can name, one value per entry id: red flags, conditions and
 * stop-rule symptoms, with every phrasing from data/phrasings (whole and without its carrier).
 */
export function healthWordsSlotType(catalogue: Catalogue = englishCatalogue): SlotType {
  const { safety } = catalogue;
  return {
    name: 'HealthWords',
    values: [...safety.redFlags, ...safety.conditions, ...safety.stopSymptoms].map((e) =>
      value(e.id, e.name, safety.healthSpokenForms(e)),
    ),
  };
}

/** The parts of the day a reminder can name ("every evening at 9"), in the language's own words (spoken.json). */
export function partOfDaySlotType(catalogue: Catalogue = englishCatalogue): SlotType {
  const words = catalogue.spoken.data.partsOfDay;
  return {
    name: 'ReminderPartOfDay',
    values: Object.entries(words).map(([id, forms]) => value(id, forms[0], forms)),
  };
}

/** Every generated slot type, in the order they appear in the model. */
export const slotTypeGenerators: Array<(catalogue: Catalogue) => SlotType> = [
  pointSlotType,
  needSlotType,
  routineSlotType,
  conditionSlotType,
  redFlagSlotType,
  healthWordsSlotType,
  partOfDaySlotType,
];
