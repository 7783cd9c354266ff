/**
 * Slot types generated from the catalogue in `data/`. Each generator turns one kind of catalogue
 * entry into an Alexa custom slot type with ids and synonyms; nothing here is written by hand.
 */
import { needs, pointSlotId, points, routines } from '../../lambda/src/core/catalogue';
import { needSpokenForms, pointSpokenForms, routineSpokenForms } from '../../lambda/src/core/spoken-forms';

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

/** Every generated slot type, in the order they appear in the model. */
export const slotTypeGenerators: Array<() => SlotType> = [pointSlotType, needSlotType, routineSlotType];
