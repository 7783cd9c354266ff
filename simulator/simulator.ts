/**
 * A device in software: what the web simulator and the terminal chat talk to. Each simulator session
 * is one person on one device. Typed words become the request Alexa would send (launch or intent,
 * with entity resolution against the skill's own model), stamped with the current time, and go
 * through the same skill object as the Lambda (`skill.invoke`; signatures do not apply in process).
 * The session attributes the skill returns are kept here and sent back on the next turn, as Alexa
 * does. Sessions live in memory, at most `maxSessions` of them (the least recently used go first).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { PersistenceAdapter, Skill } from 'ask-sdk-core';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { ssmlToText } from '../lambda/src/speech/ssml';
import { ssmlProblems } from './speech-check';
import { cuesForResponse, type Cue } from './cues';
import {
  envelope,
  intentRequest,
  launchRequest,
  sessionEndedRequest,
  type DeviceProfile,
  type EnvelopeOptions,
  type InteractionModelJson,
} from './envelope';
import { REMINDERS_SCOPE } from '../lambda/src/core/reminder-time';
import { routineHolds, silenceHolds, type Hold } from './holds';
import { ModelMatcher } from './nlu';
import { visualFromDirectives, type Visual, type VisualRenderer } from './visual';
import { isRecord } from '../lambda/src/core/record';

export type DeviceKind = 'speaker' | 'screen';
export const DEVICE_KINDS: readonly DeviceKind[] = ['speaker', 'screen'];

/** The two devices the simulator plays: an Echo Dot (voice only) and an Echo Show 8 (APL, 1280×800). */
export const DEVICES: Record<DeviceKind, DeviceProfile> = {
  speaker: {},
  screen: { screen: true, viewport: { shape: 'RECTANGLE', pixelWidth: 1280, pixelHeight: 800, dpi: 213 } },
};

/** Longest text a person can type in one turn (an utterance, not an essay). */
export const MAX_UTTERANCE_CHARACTERS = 300;
export const DEFAULT_MAX_SESSIONS = 200;
/** The most one skip ahead moves a session's clock: more than any turn (Alexa caps audio at 240 s). */
export const MAX_SKIP_MS = 10 * 60_000;
/** A screen button's event arguments: at most this many, and this many characters as JSON. */
export const MAX_EVENT_ARGUMENTS = 8;
export const MAX_EVENT_CHARACTERS = 1024;
export const USER_EVENT = 'Alexa.Presentation.APL.UserEvent';

export type SessionState =
  /** The skill asked something: the microphone opens and the next words go to the skill. */
  | 'listening'
  /** The session is open without the microphone (a screen device showing the skill). */
  | 'open'
  /** The session ended; the next words start a new one. */
  | 'closed';

export interface SimulatorReply {
  /** The request that was sent. */
  request: {
    type: string;
    intent?: string;
    /** Slot name → what was said and, when entity resolution matched, the value's id. */
    slots?: Record<string, { value: string; id?: string }>;
    /** A screen button's UserEvent: the arguments its SendEvent carried. */
    arguments?: unknown[];
    timestamp: string;
  };
  /** What the skill said, as plain text, and as SSML. */
  speech: string;
  ssml: string;
  reprompt: string;
  /** What is heard and when (output speech, then any APL for Audio document). */
  cues: Cue[];
  totalMs: number;
  /**
   * The holds (pressing time) in the audio: for a routine turn, the skill's own hold windows (from
   * "press now" to "release", not the settle pause before it); otherwise each long silence.
   */
  holds: Hold[];
  /** What a screen device shows (only on the screen device, when the skill sent APL). */
  visual?: Visual;
  session: SessionState;
  /** SSML that Alexa would reject (empty when all is well). */
  problems: string[];
}

export interface SimulatorSessionInfo {
  id: string;
  /** The person: the same value keeps the same stored record across simulator sessions. */
  user: string;
  device: DeviceKind;
  session: SessionState;
  /** The market the device is in ("en-GB"): its requests carry it, its words go through its model. */
  locale: string;
}

export interface SimulatorOptions {
  skill: Skill;
  /** The default locale's model (the `locale` option's, en-US when none is given). */
  model: InteractionModelJson;
  /** Other locales' models by locale: a session may be opened in any of them. */
  models?: Record<string, InteractionModelJson>;
  /** The skill's store, for "forget this user". */
  persistenceAdapter?: PersistenceAdapter;
  maxSessions?: number;
  /** The time put on each request (default: now). */
  clock?: () => number;
  /** Draws a screen's APL document as SVG (wired by the display feature). */
  renderVisual?: VisualRenderer;
  locale?: string;
  /** The skill id requests carry (set it when the skill enforces one). */
  applicationId?: string;
  /**
   * The Alexa API endpoint requests name (context.System.apiEndpoint), such as a local fake
   * (`npm run fake-alexa-api`); the simulated user has then granted the reminders permission.
   * Unset: Alexa's own endpoint, and no permission granted.
   */
  alexaApi?: string;
}

/** Input the simulator refuses (a button press that no screen could send). */
export class InvalidInputError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidInputError';
  }
}

/** A simulator session id that is not (or no longer) known. */
export class UnknownSessionError extends Error {
  constructor() {
    super('Unknown simulator session: start a new one.');
    this.name = 'UnknownSessionError';
  }
}

interface AlexaSession {
  id: string;
  started: boolean;
  attributes: Record<string, unknown>;
  state: Exclude<SessionState, 'closed'>;
}

interface DeviceSession {
  id: string;
  user: string;
  device: DeviceKind;
  locale: string;
  alexa?: AlexaSession;
  /** The token of the APL document on the screen (a UserEvent carries it). */
  screenToken?: string;
  /** Time skipped ahead: requests are stamped this much later than the clock says. */
  skippedMs: number;
  /** Turns of one session run one after another, in the order they arrived. */
  queue: Promise<unknown>;
}

const USER_TOKEN = /^[A-Za-z0-9_-]{8,64}$/;

export class Simulator {
  private readonly sessions = new Map<string, DeviceSession>();
  private readonly matchers = new Map<string, ModelMatcher>();
  private readonly maxSessions: number;
  private readonly clock: () => number;

  constructor(private readonly options: SimulatorOptions) {
    this.maxSessions = Math.max(1, options.maxSessions ?? DEFAULT_MAX_SESSIONS);
    this.clock = options.clock ?? Date.now;
  }

  /** The locales a session may be opened in: the default one, then every other with a model. */
  get locales(): string[] {
    const first = this.options.locale ?? 'en-US';
    return [first, ...Object.keys(this.options.models ?? {}).filter((l) => l !== first)];
  }

  private modelOf(locale: string): InteractionModelJson {
    return this.options.models?.[locale] ?? this.options.model;
  }

  private matcherOf(locale: string): ModelMatcher {
    let matcher = this.matchers.get(locale);
    if (!matcher) {
      matcher = new ModelMatcher(this.modelOf(locale), locale);
      this.matchers.set(locale, matcher);
    }
    return matcher;
  }

  /** Sessions held in memory. */
  get size(): number {
    return this.sessions.size;
  }

  /**
   * Starts a simulator session for a person on a device. `user` is the person's own token (the page
   * keeps it in the browser); an absent or malformed one gets a fresh token.
   */
  open(options: { user?: unknown; device?: unknown; locale?: unknown } = {}): SimulatorSessionInfo {
    const user =
      typeof options.user === 'string' && USER_TOKEN.test(options.user)
        ? options.user
        : randomBytes(12).toString('base64url');
    const device = DEVICE_KINDS.includes(options.device as DeviceKind)
      ? (options.device as DeviceKind)
      : 'speaker';
    // A locale the simulator has a model for; anything else is the default market.
    const locale =
      typeof options.locale === 'string' && this.locales.includes(options.locale)
        ? options.locale
        : this.locales[0];
    const session: DeviceSession = {
      id: randomUUID(),
      user,
      device,
      locale,
      skippedMs: 0,
      queue: Promise.resolve(),
    };
    this.sessions.set(session.id, session);
    while (this.sessions.size > this.maxSessions) {
      const oldest = this.sessions.keys().next().value;
      if (oldest === undefined) break;
      this.sessions.delete(oldest);
    }
    return this.info(session);
  }

  /** A session's public state; throws UnknownSessionError for an unknown id. */
  describe(id: unknown): SimulatorSessionInfo {
    return this.info(this.get(id));
  }

  /** The person says (types) something. */
  async say(id: unknown, text: string): Promise<SimulatorReply> {
    const session = this.get(id);
    return this.serialise(session, () => {
      const interpreted = this.matcherOf(session.locale).interpret(text);
      if (interpreted.type === 'LaunchRequest') {
        session.alexa = this.newAlexaSession();
        return this.send(session, launchRequest(this.envelopeOptions(session)));
      }
      // Words with no session open are a one-shot request ("Alexa, ask pressure point guide …").
      session.alexa ??= this.newAlexaSession();
      const request = intentRequest(
        this.modelOf(session.locale),
        interpreted.intent,
        interpreted.slots,
        this.envelopeOptions(session),
      );
      return this.send(session, request);
    });
  }

  /**
   * A button on the screen is pressed: the `Alexa.Presentation.APL.UserEvent` the device sends for a
   * TouchWrapper's SendEvent, with its arguments, goes to the skill (only on the screen device, the
   * one that shows buttons). Arguments must be a short JSON array, as a document's would be.
   */
  async press(id: unknown, args: unknown, componentId?: unknown): Promise<SimulatorReply> {
    const session = this.get(id);
    if (session.device !== 'screen')
      throw new InvalidInputError('Only the screen device has buttons to press.');
    if (!Array.isArray(args) || args.length > MAX_EVENT_ARGUMENTS)
      throw new InvalidInputError(`arguments must be an array of at most ${MAX_EVENT_ARGUMENTS} values`);
    if (JSON.stringify(args).length > MAX_EVENT_CHARACTERS)
      throw new InvalidInputError(`arguments must be at most ${MAX_EVENT_CHARACTERS} characters as JSON`);
    const source =
      typeof componentId === 'string' && /^[\w.-]{1,64}$/.test(componentId) ? componentId : 'button';
    return this.serialise(session, () => {
      // Pressing a button on a screen whose session ended starts a new session, as on a device.
      session.alexa ??= this.newAlexaSession();
      const request = envelope(
        {
          type: USER_EVENT,
          token: session.screenToken ?? '',
          arguments: args,
          source: { type: 'TouchWrapper', handler: 'Press', id: source },
          components: {},
        },
        this.envelopeOptions(session),
      );
      return this.send(session, request);
    });
  }

  /**
   * Ends the Alexa session, as walking away from the device does: an open session gets the
   * SessionEndedRequest Alexa sends (its reply is returned); the next words start a new session.
   */
  async endSession(id: unknown, reason = 'USER_INITIATED'): Promise<SimulatorReply | undefined> {
    const session = this.get(id);
    return this.serialise(session, async () => {
      if (!session.alexa) return undefined;
      const request = sessionEndedRequest(reason, this.envelopeOptions(session));
      const reply = await this.send(session, request);
      session.alexa = undefined;
      return { ...reply, session: 'closed' };
    });
  }

  /**
   * Skip ahead: the rest of a turn is taken as heard without waiting for it, so the session's clock
   * moves on by `ms`, as if the person had waited (the next request is stamped that much later). A
   * routine then carries on from where the skipped turn ended, not from where it began.
   */
  async skipAhead(id: unknown, ms: unknown): Promise<SimulatorSessionInfo> {
    const session = this.get(id);
    if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0 || ms > MAX_SKIP_MS)
      throw new RangeError(`ms must be a number of milliseconds from 0 to ${MAX_SKIP_MS}`);
    await this.serialise(session, async () => {
      session.skippedMs += Math.round(ms);
    });
    return this.info(session);
  }

  /** Switches the device (a different device is a different session, as on Alexa). */
  async setDevice(id: unknown, device: unknown): Promise<SimulatorSessionInfo> {
    const session = this.get(id);
    if (!DEVICE_KINDS.includes(device as DeviceKind))
      throw new RangeError('device must be speaker or screen');
    if (session.device !== device) {
      await this.endSession(id);
      session.device = device as DeviceKind;
    }
    return this.info(session);
  }

  /**
   * Forgets the person: ends the session and deletes their stored record through the skill's
   * persistence adapter, so the next launch is a first use.
   */
  async forgetUser(id: unknown): Promise<SimulatorSessionInfo> {
    const session = this.get(id);
    await this.endSession(id);
    await this.serialise(session, async () => {
      await this.options.persistenceAdapter?.deleteAttributes?.(
        envelope({ type: 'LaunchRequest' }, this.envelopeOptions(session)),
      );
    });
    return this.info(session);
  }

  private get(id: unknown): DeviceSession {
    const session = typeof id === 'string' ? this.sessions.get(id) : undefined;
    if (!session) throw new UnknownSessionError();
    // Most recently used last: eviction takes the first.
    this.sessions.delete(session.id);
    this.sessions.set(session.id, session);
    return session;
  }

  private serialise<T>(session: DeviceSession, turn: () => Promise<T>): Promise<T> {
    const result = session.queue.then(turn, turn);
    session.queue = result.catch(() => undefined);
    return result;
  }

  private info(session: DeviceSession): SimulatorSessionInfo {
    return {
      id: session.id,
      user: session.user,
      device: session.device,
      session: session.alexa?.state ?? 'closed',
      locale: session.locale,
    };
  }

  private newAlexaSession(): AlexaSession {
    return {
      id: `amzn1.echo-api.session.${randomUUID()}`,
      started: false,
      attributes: {},
      state: 'listening',
    };
  }

  private envelopeOptions(session: DeviceSession): EnvelopeOptions {
    return {
      userId: `amzn1.ask.account.SIMULATOR-${session.user}`,
      deviceId: `amzn1.ask.device.SIMULATOR-${session.device}-${session.user}`,
      device: DEVICES[session.device],
      sessionId: session.alexa?.id,
      newSession: session.alexa ? !session.alexa.started : true,
      attributes: session.alexa?.attributes ?? {},
      timestamp: new Date(this.clock() + session.skippedMs).toISOString(),
      locale: session.locale,
      applicationId: this.options.applicationId,
      ...(this.options.alexaApi
        ? { apiEndpoint: this.options.alexaApi, grantedScopes: [REMINDERS_SCOPE] }
        : {}),
    };
  }

  private async send(session: DeviceSession, request: RequestEnvelope): Promise<SimulatorReply> {
    const response: ResponseEnvelope = await this.options.skill.invoke(request);
    const body = response.response ?? {};
    const visual =
      session.device === 'screen'
        ? visualFromDirectives(body.directives, this.options.renderVisual)
        : undefined;
    if (visual) session.screenToken = visual.token;
    const alexa = session.alexa;
    if (alexa) {
      alexa.started = true;
      alexa.attributes = isRecord(response.sessionAttributes) ? response.sessionAttributes : {};
      // shouldEndSession: true ends the session; false opens the microphone; not set keeps a screen
      // device that shows something open (no microphone) and ends the session on a speaker.
      const end = body.shouldEndSession;
      if (end === true || (end !== false && !visual)) session.alexa = undefined;
      else alexa.state = end === false ? 'listening' : 'open';
    }
    const speech = body.outputSpeech;
    const ssml = speech?.type === 'SSML' ? speech.ssml : '';
    const repromptSpeech = body.reprompt?.outputSpeech;
    const repromptSsml = repromptSpeech?.type === 'SSML' ? repromptSpeech.ssml : '';
    const problems = [ssml, repromptSsml].filter((s) => s !== '').flatMap(ssmlProblems);
    const { cues, totalMs } = cuesForResponse(body);
    const sent = request.request as {
      type: string;
      timestamp: string;
      intent?: { name: string; slots?: unknown };
      arguments?: unknown[];
    };
    // A routine turn's audio (APL for Audio) starts after any output speech.
    const hasApla = (body.directives ?? []).some((d) => d.type === 'Alexa.Presentation.APLA.RenderDocument');
    const audioStartMs = hasApla ? cuesForResponse({ outputSpeech: body.outputSpeech }).totalMs : 0;
    const holds =
      routineHolds(response.sessionAttributes, Date.parse(sent.timestamp), audioStartMs) ??
      silenceHolds(cues);
    return {
      request: {
        type: sent.type,
        ...(sent.intent ? { intent: sent.intent.name, slots: slotSummary(sent.intent.slots) } : {}),
        ...(Array.isArray(sent.arguments) ? { arguments: sent.arguments } : {}),
        timestamp: sent.timestamp,
      },
      speech: speech?.type === 'PlainText' ? speech.text : ssmlToText(ssml),
      ssml,
      reprompt: repromptSpeech?.type === 'PlainText' ? repromptSpeech.text : ssmlToText(repromptSsml),
      cues,
      totalMs,
      holds,
      ...(visual ? { visual } : {}),
      session: session.alexa?.state ?? 'closed',
      problems,
    };
  }
}

/** The slots of a sent intent as "what was said" and the resolved id, for showing to a developer. */
function slotSummary(slots: unknown): Record<string, { value: string; id?: string }> {
  const summary: Record<string, { value: string; id?: string }> = {};
  if (!isRecord(slots)) return summary;
  for (const [name, slot] of Object.entries(slots)) {
    if (!isRecord(slot) || typeof slot.value !== 'string') continue;
    const resolutions = (slot.resolutions as { resolutionsPerAuthority?: unknown[] } | undefined)
      ?.resolutionsPerAuthority?.[0] as { values?: Array<{ value?: { id?: string } }> } | undefined;
    const id = resolutions?.values?.[0]?.value?.id;
    summary[name] = id ? { value: slot.value, id } : { value: slot.value };
  }
  return summary;
}
