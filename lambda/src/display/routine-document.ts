/**
 * The routine screen: one APL document per turn that follows the turn's audio hold by hold.
 *
 * A turn plays several holds. The document has one page per hold in a Pager (plus a closing page:
 * what comes next, or the routine's end), and the document's `onMount` runs one Parallel command
 * whose children are timed from the moment the document is shown, which is when the turn's audio
 * starts: a SetPage at each hold's announcement, and an AnimateItem that empties that page's
 * countdown bar from the hold's start over the hold's length. Every child carries its own delay
 * from the start, so a slow page transition never pushes later pages late. The command runs on its
 * own sequencer in normal mode (the documented way to keep `delay` working when a command starts
 * from an event handler, and SetPage needs normal mode), and holds the screen lock for the turn.
 *
 * Size: the page layout is written once (data-bound to the pages), screen sizes come from resource
 * blocks with `when` conditions instead of one copy per layout, and a body view's outline is one
 * graphic shared by every page on that view, with each page's marks in a small overlay graphic.
 */
import { catalogueFor } from '../core/catalogue';
import type { Point } from '../core/types';
import type { Translate } from '../i18n';
import {
  APL_VERSION,
  button,
  drawingToAvg,
  intentEvent,
  PROFILES,
  STYLES,
  text,
  type AplDocument,
  type Profile,
} from './apl';
import { COLOURS, drawPoints, type Drawing, type Shape } from './diagram';
import { normaliseTurn, type RoutineHoldPage, type RoutineTurnScreen } from './routine';
import { diagramDescription, shown } from './text';

export const ROUTINE_TOKEN = 'ppg.routine';
/** The sequencer the turn's timeline runs on, apart from MAIN (so a button press never cancels it). */
export const TIMELINE_SEQUENCER = 'ppgRoutineTimeline';
export const PAGER_ID = 'routinePager';
/** The countdown bar of page i is `holdBar<i>`. */
export const BAR_ID_PREFIX = 'holdBar';

type Json = Record<string, unknown>;

/** Shapes drawn once per body view; everything else (marks, leaders, labels) belongs to a page. */
const BASE_ROLES = new Set(['outline', 'detail', 'guide']);

/** One page's data (bound into the page template as `${data.…}`). */
interface PageData {
  step: string;
  heading: string;
  side: string;
  caption: string;
  next: string;
  /** The body view graphic and the marks overlay ('' for a page without a diagram). */
  graphic: string;
  marks: string;
  diagramLabel: string;
  hasHold: boolean;
  /** How full the bar is before its hold starts (1, or less for the rest of a paused hold). */
  barFrom: number;
  buttons: boolean;
  /** What the page's diagram marks and when the page comes up, as data for other renderers (the web simulator). */
  pointCodes: string[];
  sideId: string;
  showAtMs: number;
}

export interface RoutineDocumentOptions {
  /** Only the first this many hold pages get a diagram (the rest show their text): a size budget. */
  diagramPages?: number;
}

/** The routine screen document for a turn: one page per hold, in step with the audio. */
export function routineDocument(
  t: Translate,
  input: RoutineTurnScreen,
  options: RoutineDocumentOptions = {},
): AplDocument {
  const screen = normaliseTurn(input);
  const graphics: Record<string, Json> = {};
  const diagramPages = options.diagramPages ?? Infinity;
  const pages: PageData[] = screen.pages.map((page, i) =>
    pageData(t, screen, page, graphics, i < diagramPages),
  );
  if (screen.end && !screen.paused) pages.push(endPage(t, screen));
  if (pages.length === 0) pages.push(emptyPage(t, screen));

  const payload = {
    routineName: screen.routineName,
    paused: shown(t, 'display.paused'),
    pauseLabel: shown(t, screen.paused ? 'display.resume' : 'display.pause'),
    nextLabel: shown(t, 'display.next'),
    holdBar: shown(t, 'display.holdBar'),
    pages,
  };
  const document: Json = {
    type: 'APL',
    version: APL_VERSION,
    description: screen.routineName,
    theme: 'dark',
    resources: resourceBlocks(),
    styles: STYLES,
    graphics,
    mainTemplate: { parameters: ['payload'], items: [layout(screen.paused)] },
  };
  const timeline = screen.paused ? [] : timelineCommands(screen);
  if (timeline.length > 0) document.onMount = timeline;
  return { document, datasources: { payload } };
}

/**
 * The RenderDocument directive for a routine turn. With `maxBytes`, a turn whose holds span several
 * body views keeps diagrams on as many of its first pages as fit (each view's drawing is a few KB),
 * so the whole response stays within Alexa's 24 KB.
 */
export function routineDirective(
  t: Translate,
  screen: RoutineTurnScreen,
  options: { maxBytes?: number } = {},
): Json {
  const build = (diagramPages?: number): Json => {
    const { document, datasources } = routineDocument(t, screen, { diagramPages });
    return { type: 'Alexa.Presentation.APL.RenderDocument', token: ROUTINE_TOKEN, document, datasources };
  };
  let directive = build();
  if (options.maxBytes === undefined) return directive;
  const bytes = (d: Json) => Buffer.byteLength(JSON.stringify(d), 'utf8');
  for (let keep = screen.pages.length - 1; keep >= 0 && bytes(directive) > options.maxBytes; keep--)
    directive = build(keep);
  return directive;
}

function pageData(
  t: Translate,
  screen: RoutineTurnScreen,
  page: RoutineHoldPage,
  graphics: Record<string, Json>,
  withDiagram = true,
): PageData {
  const catalogue = catalogueFor(t.language);
  const current = page.points
    .map((code) => catalogue.getPoint(code))
    .filter((p): p is Point => p !== undefined);
  const drawing = withDiagram
    ? drawPoints(
        current.map((p) => p.code),
        page.side,
      )
    : undefined;
  const next = page.nextPoint ? catalogue.getPoint(page.nextPoint) : undefined;
  const diagram = drawing ? addDiagram(t, drawing, page, graphics) : undefined;
  return {
    step: screen.kind === 'point' ? '' : shown(t, 'display.step', { n: page.step, m: page.stepCount }),
    heading: current
      .map((p) => shown(t, 'display.codeAndName', { code: p.code, name: p.names[0] }))
      .join('<br>'),
    side: page.side && current.length > 0 ? shown(t, `display.side.${page.side}`) : '',
    caption: !drawing && page.caption ? page.caption : '',
    next: next
      ? shown(t, 'display.nextPoint', { code: next.code, name: next.names[0] })
      : screen.kind === 'routine' && page.step === page.stepCount
        ? shown(t, 'display.lastStep')
        : '',
    graphic: diagram?.graphic ?? '',
    marks: diagram?.marks ?? '',
    diagramLabel: diagram?.label ?? '',
    hasHold: page.hold !== undefined,
    barFrom: page.hold?.from ?? 1,
    buttons: true,
    pointCodes: current.map((p) => p.code),
    sideId: page.side ?? '',
    showAtMs: page.showAtMs,
  };
}

/** The page after the last hold: the next step to ask for, or the end of the routine. */
function endPage(t: Translate, screen: RoutineTurnScreen): PageData {
  const end = screen.end;
  const blank = {
    side: '',
    graphic: '',
    marks: '',
    diagramLabel: '',
    hasHold: false,
    barFrom: 1,
    pointCodes: [],
    sideId: '',
    showAtMs: end?.atMs ?? 0,
  };
  if (!end || end.finished || !end.next) {
    return {
      ...blank,
      step: shown(t, screen.kind === 'point' ? 'display.end.holdDone' : 'display.end.routineDone'),
      heading: '',
      caption: shown(t, 'display.end.doneCaption'),
      next: '',
      buttons: false,
    };
  }
  const catalogue = catalogueFor(t.language);
  const points = end.next.points
    .map((code) => catalogue.getPoint(code))
    .filter((p): p is Point => p !== undefined);
  return {
    ...blank,
    step: shown(t, 'display.end.upNext', { n: end.next.step, m: end.next.stepCount }),
    heading: points
      .map((p) => shown(t, 'display.codeAndName', { code: p.code, name: p.names[0] }))
      .join('<br>'),
    caption: points.length === 0 && end.next.caption ? end.next.caption : '',
    next: shown(t, 'display.end.sayNext'),
    buttons: true,
  };
}

/** A turn screen that lost every page to validation: the title and the buttons, nothing invented. */
function emptyPage(t: Translate, screen: RoutineTurnScreen): PageData {
  return {
    step: '',
    heading: '',
    side: '',
    caption: shown(t, 'display.end.sayNext'),
    next: '',
    graphic: '',
    marks: '',
    diagramLabel: '',
    hasHold: false,
    barFrom: 1,
    buttons: !screen.end?.finished,
    pointCodes: [],
    sideId: '',
    showAtMs: 0,
  };
}

/**
 * Adds the page's view (once per view) and its marks overlay (once per distinct picture: the side
 * view shows one leg, so "left" and "right" there are the same marks) to the document's graphics;
 * returns their names. The overlay has no description of its own: the diagram's label covers both.
 */
function addDiagram(
  t: Translate,
  drawing: Drawing,
  page: RoutineHoldPage,
  graphics: Record<string, Json>,
): { graphic: string; marks: string; label: string } {
  const label = diagramDescription(t, drawing);
  const graphic = `view_${drawing.view}`;
  graphics[graphic] ??= avg(
    drawing,
    drawing.shapes.filter((s) => BASE_ROLES.has(s.role)),
    shown(t, `display.view.${drawing.view}`),
  );
  const overlay = avg(
    drawing,
    drawing.shapes.filter((s) => !BASE_ROLES.has(s.role)),
  );
  const same = Object.keys(graphics).find(
    (name) => name.startsWith('marks_') && JSON.stringify(graphics[name]) === JSON.stringify(overlay),
  );
  const marks =
    same ?? `marks_${drawing.codes.map((c) => c.replace(/\W/g, '')).join('_')}_${page.side ?? 'all'}`;
  graphics[marks] ??= overlay;
  return { graphic, marks, label };
}

function avg(drawing: Drawing, shapes: Shape[], description?: string): Json {
  const graphic = drawingToAvg({ ...drawing, shapes: mergePaths(shapes) }, description ?? '');
  if (description === undefined) delete graphic.description;
  return graphic;
}

/**
 * Fewer bytes, same picture: consecutive paths drawn the same way (stroke, fill, width, dash)
 * become one path of several subpaths, and path data loses the spaces around its command letters.
 * Drawing order is kept, so nothing that was on top ends up below.
 */
export function mergePaths(shapes: Shape[]): Shape[] {
  const merged: Shape[] = [];
  const style = (s: Shape) =>
    s.kind === 'path' ? JSON.stringify([s.fill, s.stroke, s.strokeWidth, s.dash, s.role]) : undefined;
  for (const shape of shapes) {
    const last = merged[merged.length - 1];
    if (shape.kind === 'path' && last?.kind === 'path' && style(last) === style(shape)) {
      merged[merged.length - 1] = { ...last, d: `${last.d}${compactPath(shape.d)}` };
    } else {
      merged.push(shape.kind === 'path' ? { ...shape, d: compactPath(shape.d) } : shape);
    }
  }
  return merged;
}

function compactPath(d: string): string {
  return d.replace(/\s*([A-Za-z])\s*/g, '$1').trim();
}

/**
 * Screen sizes as resources: the landscape hub values first, then portrait, TV and round screens,
 * each overriding the ones before when its condition holds (the same order of precedence as the
 * point screen's layouts).
 */
function resourceBlocks(): Json[] {
  const [base, ...overrides] = [...PROFILES].reverse().map(profileResources);
  // An override block only needs what differs from the landscape values before it.
  const changed = (block: Record<string, Json>) =>
    Object.fromEntries(
      Object.entries(block)
        .map(([type, values]) => [
          type,
          Object.fromEntries(Object.entries(values).filter(([name, v]) => base[type]?.[name] !== v)),
        ])
        .filter(([, values]) => Object.keys(values as Json).length > 0),
    );
  return [
    base,
    ...overrides.map((block, i) => ({ when: [...PROFILES].reverse()[i + 1].when, ...changed(block) })),
  ];
}

function profileResources(profile: Profile): Record<string, Json> {
  return {
    strings: {
      direction: profile.direction,
      textAlign: profile.direction === 'row' ? 'left' : 'center',
      textItems: profile.direction === 'row' ? 'start' : 'center',
    },
    dimensions: {
      padTop: profile.padding.top,
      padSide: profile.padding.side,
      padBottom: profile.padding.bottom,
      diagramWidth: profile.diagram.width,
      diagramHeight: profile.diagram.height,
      textPadLeft: profile.direction === 'row' ? 32 : 0,
      fontTitle: profile.font.title,
      fontHeading: profile.font.heading,
      fontBody: profile.font.body,
      fontButton: profile.font.button,
      buttonPadX: profile.font.button,
      buttonPadY: Math.round(profile.font.button / 2),
    },
    numbers: { bodyLines: profile.bodyLines, barFraction: profile.barFraction },
  };
}

/** The whole screen: a Pager of pages, one template bound to `payload.pages`. */
function layout(paused: boolean): Json {
  const profile: Profile = PROFILES[PROFILES.length - 1];
  const body = (value: string, extra: Json = {}) =>
    text(value, profile.font.body, { fontSize: '@fontBody', ...extra });
  const diagram: Json = {
    type: 'Container',
    when: "${data.graphic != ''}",
    width: '@diagramWidth',
    height: '@diagramHeight',
    accessibilityLabel: '${data.diagramLabel}',
    items: [
      {
        type: 'VectorGraphic',
        source: '${data.graphic}',
        width: '100%',
        height: '100%',
        scale: 'best-fit',
        align: 'center',
      },
      {
        type: 'VectorGraphic',
        source: '${data.marks}',
        position: 'absolute',
        top: 0,
        left: 0,
        width: '100%',
        height: '100%',
        scale: 'best-fit',
        align: 'center',
      },
    ],
  };
  const buttons: Json = {
    type: 'Container',
    when: '${data.buttons}',
    direction: 'row',
    spacing: 20,
    items: [
      sized(
        button(
          'pauseButton',
          '${payload.pauseLabel}',
          profile.font.button,
          intentEvent(paused ? 'AMAZON.ResumeIntent' : 'AMAZON.PauseIntent'),
          'secondaryButtonFrame',
        ),
      ),
      {
        ...sized(
          button('nextButton', '${payload.nextLabel}', profile.font.button, intentEvent('AMAZON.NextIntent')),
        ),
        spacing: 16,
      },
    ],
  };
  const column: Json = {
    type: 'Container',
    direction: 'column',
    grow: 1,
    shrink: 1,
    justifyContent: 'center',
    alignItems: '@textItems',
    paddingLeft: '@textPadLeft',
    items: [
      text('${payload.routineName}', profile.font.title, {
        fontSize: '@fontTitle',
        color: COLOURS.guide,
        maxLines: 1,
      }),
      body('${data.step}', { when: "${data.step != ''}", spacing: 4 }),
      text('${data.heading}', profile.font.heading, {
        when: "${data.heading != ''}",
        fontSize: '@fontHeading',
        fontWeight: 'bold',
        maxLines: 2,
        spacing: 8,
        textAlign: '@textAlign',
      }),
      body('${data.side}', { when: "${data.side != ''}", spacing: 4 }),
      body('${data.caption}', {
        when: "${data.caption != ''}",
        maxLines: '${@bodyLines + 1}',
        spacing: 8,
        textAlign: '@textAlign',
      }),
      ...(paused
        ? [
            text('${payload.paused}', profile.font.heading, {
              when: '${data.hasHold}',
              fontSize: '@fontHeading',
              fontWeight: 'bold',
              color: '#ffb199',
              spacing: 12,
            }),
          ]
        : []),
      countdownBar(),
      body('${data.next}', { when: "${data.next != ''}", spacing: 12, maxLines: 2 }),
      { ...buttons, spacing: 20 },
    ],
  };
  return {
    type: 'Frame',
    width: '100vw',
    height: '100vh',
    backgroundColor: COLOURS.background,
    item: {
      type: 'Pager',
      id: PAGER_ID,
      width: '100%',
      height: '100%',
      navigation: 'none',
      data: '${payload.pages}',
      items: [
        {
          type: 'Container',
          width: '100%',
          height: '100%',
          direction: '@direction',
          alignItems: 'center',
          justifyContent: 'center',
          paddingTop: '@padTop',
          paddingBottom: '@padBottom',
          paddingLeft: '@padSide',
          paddingRight: '@padSide',
          items: [diagram, column],
        },
      ],
    },
  };
}

/** Button sizes from the resources (the button helper writes the landscape values). */
function sized(component: Json): Json {
  const frame = component.item as Json;
  return {
    ...component,
    item: {
      ...frame,
      paddingLeft: '@buttonPadX',
      paddingRight: '@buttonPadX',
      paddingTop: '@buttonPadY',
      paddingBottom: '@buttonPadY',
      item: { ...(frame.item as Json), fontSize: '@fontButton' },
    },
  };
}

/**
 * A track with a bar that empties from right to left, left edge fixed. Before its hold the bar shows
 * how full it starts (`data.barFrom`); the timeline animates it, or it stands still when paused.
 */
function countdownBar(): Json {
  const frame = (extra: Json): Json => ({
    type: 'Frame',
    width: '${barWidth}',
    height: 16,
    borderRadius: 8,
    ...extra,
  });
  return {
    type: 'Container',
    when: '${data.hasHold}',
    spacing: 16,
    bind: [{ name: 'barWidth', value: '${viewport.width * @barFraction}' }],
    accessibilityLabel: '${payload.holdBar}',
    items: [
      frame({
        backgroundColor: '#23384a',
        item: frame({
          id: `${BAR_ID_PREFIX}\${index}`,
          backgroundColor: COLOURS.mark,
          transform: [{ translateX: '${-barWidth * (1 - data.barFrom) / 2}' }, { scaleX: '${data.barFrom}' }],
        }),
      }),
    ],
  };
}

/** The bar's transform when `fraction` of it is left, in document-level terms (no component binds). */
function barTransform(fraction: number): Json[] {
  const f = Math.round(fraction * 10_000) / 10_000;
  return [
    { translateX: `\${-viewport.width * @barFraction * ${Math.round((1 - f) * 10_000) / 10_000} / 2}` },
    { scaleX: f },
  ];
}

/** The turn's timeline: each page at its announcement, each bar over its hold, then the closing page. */
function timelineCommands(screen: RoutineTurnScreen): Json[] {
  const commands: Json[] = [];
  screen.pages.forEach((page, i) => {
    if (i > 0)
      commands.push({
        type: 'SetPage',
        componentId: PAGER_ID,
        position: 'absolute',
        value: i,
        delay: page.showAtMs,
      });
    if (page.hold)
      commands.push({
        type: 'AnimateItem',
        componentId: `${BAR_ID_PREFIX}${i}`,
        delay: page.hold.offsetMs,
        duration: page.hold.lengthMs,
        easing: 'linear',
        value: [{ property: 'transform', from: barTransform(page.hold.from), to: barTransform(0) }],
      });
  });
  if (screen.end)
    commands.push({
      type: 'SetPage',
      componentId: PAGER_ID,
      position: 'absolute',
      value: screen.pages.length,
      delay: screen.end.atMs,
    });
  if (commands.length === 0) return [];
  const lastMs = Math.max(...commands.map((c) => Number(c.delay ?? 0) + Number(c.duration ?? 0)));
  const untilMs = Math.max(lastMs, Math.round(screen.totalMs ?? 0));
  // An Idle for the whole turn keeps the screen lock until the audio is over.
  commands.push({ type: 'Idle', delay: untilMs });
  return [{ type: 'Parallel', sequencer: TIMELINE_SEQUENCER, screenLock: true, commands }];
}
