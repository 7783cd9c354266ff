/**
 * Slot types generated from the catalogue in `data/`. Each generator turns one kind of catalogue
 * entry into an Alexa custom slot type with ids and synonyms; nothing here is written by hand.
 */
import { needs, pointSlotId, points, routines } from '../../lambda/src/core/catalogue';
import { needSpokenForms, pointSpokenForms, routineSpokenForms } from '../../lambda/src/core/spoken-forms';
import { conditions, healthSpokenForms, redFlags, stopSymptoms } from '../../lambda/src/core/safety';
import { PART_OF_DAY_WORDS } from '../../lambda/src/core/reminder-time';

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

export function pointSlotType(): SlotType {
  return {
    name: 'PointName',
    values: points.map((p) =>
      value(
        pointSlotId(p),
        p.code,
        pointSpokenForms(p).map((f) => f.text),
      ),
    ),
  };
}

export function needSlotType(): SlotType {
  return { name: 'NeedName', values: needs.map((n) => value(n.id, n.name, needSpokenForms(n))) };
}

export function routineSlotType(): SlotType {
  return { name: 'RoutineName', values: routines.map((r) => value(r.id, r.name, routineSpokenForms(r))) };
}

/** Health conditions ("pregnant", "warfarin") from data/safety.json; ids are condition ids. */
export function conditionSlotType(): SlotType {
  return { name: 'ConditionName', values: conditions.map((c) => value(c.id, c.name, healthSpokenForms(c))) };
}

/** Red-flag symptoms ("numbness between my legs") from data/safety.json; ids are red flag ids. */
export function redFlagSlotType(): SlotType {
  return { name: 'RedFlagName', values: redFlags.map((r) => value(r.id, r.name, healthSpokenForms(r))) };
}

/**
 * Everything a health statement can name, one value per entry id: red flags, conditions and
 * stop-rule symptoms, with every phrasing from data/phrasings (whole and without its carrier).
 */
export function healthWordsSlotType(): SlotType {
  return {
    name: 'HealthWords',
    values: [...redFlags, ...conditions, ...stopSymptoms].map((e) =>
      value(e.id, e.name, healthSpokenForms(e)),
    ),
  };
}

/** The parts of the day a reminder can name ("every evening at 9"), from core/reminder-time. */
export function partOfDaySlotType(): SlotType {
  return {
    name: 'ReminderPartOfDay',
    values: Object.entries(PART_OF_DAY_WORDS).map(([id, forms]) => value(id, id, forms)),
  };
}

/** Every generated slot type, in the order they appear in the model. */
export const slotTypeGenerators: Array<() => SlotType> = [
  pointSlotType,
  needSlotType,
  routineSlotType,
  conditionSlotType,
  redFlagSlotType,
  healthWordsSlotType,
  partOfDaySlotType,
];
