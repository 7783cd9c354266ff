/**
 * APL documents for screens (Echo Show, Echo Spot, Fire TV): a point's diagram with its name, where
 * and how to press, and a "Time a hold" button (the routine screen is in routine-document.ts). The
 * diagram is an AVG graphic built from the same drawing model as the SVG.
 *
 * Layouts adapt with `when` conditions on the viewport: round small hubs, TVs, portrait screens, and
 * landscape hubs (the default). No images are fetched: everything is vector graphics and text.
 */
import { pointSlotId } from '../core/catalogue';
import type { Point } from '../core/types';
import { pointAllowed, type PointAdvice } from '../core/safety';
import type { Translate } from '../i18n';
import { COLOURS, drawPoints, type Drawing } from './diagram';
import { diagramDescription, pointText } from './text';
import { DIAGRAM_STYLE, type DrawnShape, type DrawStyle } from './shapes';

/** The APL version the documents are written for (checked against the device's runtime in tests). */
export const APL_VERSION = '2023.3';
/** AVG format version of the diagram graphic. */
export const AVG_VERSION = '1.2';

export const POINT_TOKEN_PREFIX = 'ppg.point.';

type Json = Record<string, unknown>;

export interface AplDocument {
  document: Json;
  datasources: { payload: Json };
}

/** The event a button sends: the same intent, and slots, as the spoken command. */
export function intentEvent(intent: string, slots?: Record<string, string>): unknown[] {
  return slots ? ['intent', intent, slots] : ['intent', intent];
}

/** A drawing as an AVG graphic: one item per shape, in drawing order. */
export function drawingToAvg(
  drawing: { width: number; height: number; shapes: readonly DrawnShape[] },
  description: string,
  style: DrawStyle = DIAGRAM_STYLE,
): Json {
  return {
    type: 'AVG',
    version: AVG_VERSION,
    description,
    width: drawing.width,
    height: drawing.height,
    viewportWidth: drawing.width,
    viewportHeight: drawing.height,
    items: drawing.shapes.map((shape) => shapeToAvg(shape, style)),
  };
}

function shapeToAvg(shape: DrawnShape, style: DrawStyle): Json {
  if (shape.kind === 'text') {
    return {
      type: 'text',
      text: shape.text,
      x: shape.x,
      y: shape.y,
      fontSize: shape.size,
      ...(style.boldText ? { fontWeight: 'bold' } : {}),
      textAnchor: shape.anchor,
      fill: shape.fill,
    };
  }
  const item: Json = { type: 'path', pathData: shape.d, fill: shape.fill ?? 'transparent' };
  if (shape.stroke) {
    item.stroke = shape.stroke;
    item.strokeWidth = shape.strokeWidth ?? 1;
    if (style.roundLines) {
      item.strokeLineCap = 'round';
      item.strokeLineJoin = 'round';
    }
  }
  if (shape.dash) item.strokeDashArray = shape.dash;
  return item;
}

/** One screen size class: where it applies and how big things are on it. */
export interface Profile {
  when?: string;
  direction: 'row' | 'column';
  padding: { top: string; side: string; bottom: string };
  diagram: { width: string; height: string };
  font: { title: number; heading: number; body: number; small: number; button: number };
  bodyLines: number;
  /** Round screens have no room for the technique line: the voice says it. */
  showHow: boolean;
  /** The countdown bar's width as a share of the viewport width. */
  barFraction: number;
}

export const PROFILES: Profile[] = [
  {
    when: "${viewport.shape == 'round'}",
    direction: 'column',
    padding: { top: '6vh', side: '14vw', bottom: '4vh' },
    diagram: { width: '60vw', height: '40vh' },
    font: { title: 16, heading: 24, body: 18, small: 13, button: 20 },
    bodyLines: 2,
    showHow: false,
    barFraction: 0.5,
  },
  {
    when: "${viewport.mode == 'tv'}",
    direction: 'row',
    padding: { top: '6vh', side: '5vw', bottom: '6vh' },
    diagram: { width: '34vw', height: '100%' },
    font: { title: 24, heading: 44, body: 30, small: 20, button: 30 },
    bodyLines: 3,
    showHow: true,
    barFraction: 0.45,
  },
  {
    when: '${viewport.height > viewport.width}',
    direction: 'column',
    padding: { top: '4vh', side: '6vw', bottom: '4vh' },
    diagram: { width: '88vw', height: '45vh' },
    font: { title: 20, heading: 34, body: 24, small: 16, button: 26 },
    bodyLines: 4,
    showHow: true,
    barFraction: 0.8,
  },
  {
    direction: 'row',
    padding: { top: '5vh', side: '4vw', bottom: '5vh' },
    diagram: { width: '36vw', height: '100%' },
    font: { title: 20, heading: 36, body: 24, small: 16, button: 26 },
    bodyLines: 3,
    showHow: true,
    barFraction: 0.45,
  },
];

export const STYLES: Json = {
  buttonFrame: {
    values: [
      { backgroundColor: COLOURS.mark, borderRadius: 40, borderWidth: 3, borderColor: COLOURS.mark },
      { when: '${state.pressed}', backgroundColor: '#b8331b' },
      { when: '${state.focused}', borderColor: '#ffffff' },
    ],
  },
  secondaryButtonFrame: {
    values: [
      { backgroundColor: '#23384a', borderRadius: 40, borderWidth: 3, borderColor: '#23384a' },
      { when: '${state.pressed}', backgroundColor: '#162635' },
      { when: '${state.focused}', borderColor: '#ffffff' },
    ],
  },
};

export function text(value: string, size: number, extra: Json = {}): Json {
  return { type: 'Text', text: value, fontSize: size, color: '#f4efe9', ...extra };
}

export function button(
  id: string,
  label: string,
  size: number,
  args: unknown[],
  style = 'buttonFrame',
): Json {
  return {
    type: 'TouchWrapper',
    id,
    role: 'button',
    accessibilityLabel: label,
    onPress: [{ type: 'SendEvent', arguments: args }],
    item: {
      type: 'Frame',
      style,
      inheritParentState: true,
      paddingLeft: size,
      paddingRight: size,
      paddingTop: Math.round(size / 2),
      paddingBottom: Math.round(size / 2),
      item: text(label, size, { fontWeight: 'bold', textAlign: 'center' }),
    },
  };
}

function diagramComponent(profile: Profile, label: string): Json {
  return {
    type: 'VectorGraphic',
    source: 'diagram',
    width: profile.diagram.width,
    height: profile.diagram.height,
    scale: 'best-fit',
    align: 'center',
    accessibilityLabel: label,
  };
}

/** The screen frame shared by every layout: full viewport, dark background, padding for the profile. */
function screen(profile: Profile, children: Json[]): Json {
  const layout: Json = {
    type: 'Frame',
    width: '100vw',
    height: '100vh',
    backgroundColor: COLOURS.background,
    item: {
      type: 'Container',
      width: '100%',
      height: '100%',
      direction: profile.direction,
      alignItems: 'center',
      justifyContent: 'center',
      paddingTop: profile.padding.top,
      paddingBottom: profile.padding.bottom,
      paddingLeft: profile.padding.side,
      paddingRight: profile.padding.side,
      items: children,
    },
  };
  if (profile.when) layout.when = profile.when;
  return layout;
}

function textColumn(profile: Profile, items: Json[]): Json {
  const row = profile.direction === 'row';
  return {
    type: 'Container',
    direction: 'column',
    grow: 1,
    shrink: 1,
    justifyContent: 'center',
    alignItems: row ? 'start' : 'center',
    paddingLeft: row ? 32 : 0,
    items,
  };
}

function baseDocument(
  drawing: Drawing | undefined,
  description: string,
  items: Json[],
  onMount?: Json[],
): Json {
  const document: Json = {
    type: 'APL',
    version: APL_VERSION,
    description,
    theme: 'dark',
    styles: STYLES,
    graphics: drawing ? { diagram: drawingToAvg(drawing, description) } : {},
    mainTemplate: { parameters: ['payload'], items },
  };
  if (onMount) document.onMount = onMount;
  return document;
}

const pointDocuments = new WeakMap<Translate, Map<string, AplDocument>>();

/**
 * The point screen: diagram, name and code, where, how, how long, and a "Time a hold" button.
 * A point's document depends only on the point and the language, so each is built once (about a
 * millisecond) and kept, frozen, for every later request.
 */
export function pointDocument(t: Translate, point: Point, advice?: PointAdvice): AplDocument {
  // A card under a safety profile is built each time: its words depend on what the user said.
  if (advice && advice.kind !== 'as-written') return buildPointDocument(t, point, advice);
  let byCode = pointDocuments.get(t);
  if (!byCode) pointDocuments.set(t, (byCode = new Map()));
  let built = byCode.get(point.code);
  if (!built) byCode.set(point.code, (built = deepFreeze(buildPointDocument(t, point))));
  return built;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    Object.values(value).forEach(deepFreeze);
  }
  return value;
}

function buildPointDocument(t: Translate, point: Point, advice?: PointAdvice): AplDocument {
  const words = pointText(t, point, advice);
  const canTime = point.inRoutines && (!advice || pointAllowed(advice));
  const drawing = drawPoints([point.code]);
  const diagramLabel = drawing ? diagramDescription(t, drawing) : '';
  const payload = {
    title: t('display.title'),
    heading: words.heading,
    where: words.where,
    how: words.how,
    hold: words.hold,
    note: words.note,
    diagramLabel,
    timeHold: t('display.timeHold'),
    notAdvice: t('common.notMedicalAdvice'),
  };
  const items = PROFILES.map((profile) => {
    const textItems: Json[] = [
      text('${payload.title}', profile.font.title, { color: COLOURS.guide, maxLines: 1 }),
      text('${payload.heading}', profile.font.heading, {
        fontWeight: 'bold',
        maxLines: 2,
        spacing: 8,
        textAlign: profile.direction === 'row' ? 'left' : 'center',
      }),
      text('${payload.where}', profile.font.body, {
        maxLines: profile.bodyLines,
        spacing: 12,
        textAlign: profile.direction === 'row' ? 'left' : 'center',
      }),
    ];
    if (profile.showHow)
      textItems.push(text('${payload.how}', profile.font.body, { maxLines: profile.bodyLines, spacing: 8 }));
    if (words.hold)
      textItems.push(text('${payload.hold}', profile.font.body, { fontWeight: 'bold', spacing: 8 }));
    if (words.note)
      textItems.push(
        text('${payload.note}', profile.font.body, { color: '#ffb199', maxLines: 3, spacing: 8 }),
      );
    if (canTime) {
      textItems.push({
        ...button(
          'timeHoldButton',
          '${payload.timeHold}',
          profile.font.button,
          intentEvent('TimeHoldIntent', { point: pointSlotId(point) }),
        ),
        spacing: 20,
      });
    }
    if (profile.direction === 'row')
      textItems.push(text('${payload.notAdvice}', profile.font.small, { color: '#9fb0bf', spacing: 16 }));
    const children = drawing ? [diagramComponent(profile, '${payload.diagramLabel}')] : [];
    return screen(profile, [...children, textColumn(profile, textItems)]);
  });
  return {
    document: baseDocument(drawing, diagramLabel, items),
    datasources: { payload },
  };
}

/** The RenderDocument directive for a point. */
export function pointDirective(t: Translate, point: Point, advice?: PointAdvice): Json {
  const { document, datasources } = pointDocument(t, point, advice);
  return {
    type: 'Alexa.Presentation.APL.RenderDocument',
    token: `${POINT_TOKEN_PREFIX}${pointSlotId(point)}`,
    document,
    datasources,
  };
}
