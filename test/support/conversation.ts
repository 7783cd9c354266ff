/**
 * A conversation with the real skill: each turn is a real request envelope through skill.invoke,
 * and the session attributes the skill returns are sent back on the next turn, as a device does.
 * Every response's SSML is checked against Alexa's rules and every APL document with apl-suggester
 * (test/support/apl.ts); a turn with invalid SSML or APL fails the test.
 */
import type { Skill } from 'ask-sdk-core';
import type { Directive, RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import {
  envelope,
  intentRequest,
  launchRequest,
  sessionEndedRequest,
  type DeviceProfile,
  type EnvelopeOptions,
} from '../../simulator/envelope';
import { APLA_DIRECTIVE, type AplaDirective } from '../../lambda/src/speech/apla';
import { bannedClaims } from '../../lambda/src/core/safety';
import { ssmlToText } from '../../lambda/src/speech/ssml';
import { aplaProblems, ssmlProblems } from '../../simulator/speech-check';
import { ModelMatcher } from '../../simulator/nlu';
import { responseScreenProblems } from './apl';
import { modelFor } from './model';
import { catalogueFor } from '../../lambda/src/core/catalogue';
import { translatorFor } from '../../lambda/src/i18n';

/** The simulator's NLU over a locale's own generated model (the en-US model for a locale without one). */
const matchers = new Map<string, ModelMatcher>();
function matcherFor(locale: string | undefined): ModelMatcher {
  const key = locale ?? 'en-US';
  let matcher = matchers.get(key);
  if (!matcher) {
    matcher = new ModelMatcher(modelFor(key), key);
    matchers.set(key, matcher);
  }
  return matcher;
}

/** Every banned-claim list the responses of a locale are scanned with: English's and its language's. */
function bannedIn(locale: string | undefined, text: string): ReturnType<typeof bannedClaims> {
  const language = translatorFor(locale).language ?? 'en';
  const own = language === 'en' ? [] : bannedClaims(text, catalogueFor(language).safety.data.wording.banned);
  return [...bannedClaims(text), ...own];
}

export interface Turn {
  envelope: ResponseEnvelope;
  /** What the user hears, as plain text. */
  speech: string;
  ssml: string;
  reprompt: string;
  ended: boolean;
  directives: Directive[];
  attributes: Record<string, unknown>;
  /** The APL for Audio document played after the speech, if any (its speech is in `speech`). */
  apla?: AplaDirective;
}

export function toTurn(response: ResponseEnvelope, locale?: string): Turn {
  const output = response.response?.outputSpeech;
  const ssml = output && output.type === 'SSML' ? output.ssml : '';
  const reprompt = response.response?.reprompt?.outputSpeech;
  const repromptSsml = reprompt && reprompt.type === 'SSML' ? reprompt.ssml : '';
  for (const [label, text] of [
    ['speech', ssml],
    ['reprompt', repromptSsml],
  ]) {
    if (text === '') continue;
    const problems = ssmlProblems(text);
    if (problems.length > 0) throw new Error(`invalid ${label} SSML: ${problems.join('; ')}\n${text}`);
  }
  const directives = response.response?.directives ?? [];
  const apla = directives.find((d) => d.type === APLA_DIRECTIVE) as AplaDirective | undefined;
  if (apla) {
    const problems = aplaProblems(apla);
    if (problems.length > 0) throw new Error(`invalid APLA: ${problems.join('; ')}`);
  }
  // Alexa speaks outputSpeech first, then plays the APLA document.
  const aplaSsml = (apla?.document.mainTemplate.item.items ?? [])
    .map((c) => (c.type === 'Speech' ? c.content : ''))
    .join(' ');
  const speech = ssmlToText(`${ssml} ${aplaSsml}`);
  // Section 5: no response the tests see may make a banned claim.
  const claims = bannedIn(locale, `${speech} ${ssmlToText(repromptSsml)}`);
  // Plain words (voice guide): "cun" is never spoken.
  if (/\bcun\b/i.test(speech)) throw new Error(`"cun" spoken:\n${speech}`);
  if (claims.length > 0)
    throw new Error(
      `banned wording: ${claims.map((c) => `"${c.found}" (${c.claim})`).join(', ')}\n${speech}`,
    );
  return {
    envelope: response,
    apla,
    speech,
    ssml,
    reprompt: ssmlToText(repromptSsml),
    ended: response.response?.shouldEndSession === true,
    directives: response.response?.directives ?? [],
    attributes: (response.sessionAttributes ?? {}) as Record<string, unknown>,
  };
}

export class Conversation {
  private attributes: Record<string, unknown> = {};
  private sessionId = `amzn1.echo-api.session.${Math.random().toString(36).slice(2)}`;
  private started = false;
  /** The time of the next request; tests move it forward with `wait`. */
  now: number;

  constructor(
    private readonly skill: Skill,
    private readonly options: {
      userId?: string;
      device?: DeviceProfile;
      startTime?: number;
      locale?: string;
      apiEndpoint?: string;
      grantedScopes?: string[];
    } = {},
  ) {
    this.now = options.startTime ?? Date.parse('2026-11-25T08:00:00Z');
  }

  private envelopeOptions(): EnvelopeOptions {
    return {
      userId: this.options.userId,
      device: this.options.device,
      locale: this.options.locale,
      apiEndpoint: this.options.apiEndpoint,
      grantedScopes: this.options.grantedScopes,
      sessionId: this.sessionId,
      newSession: !this.started,
      attributes: this.attributes,
      timestamp: new Date(this.now).toISOString(),
    };
  }

  /** The permission scopes the user has granted, as later requests will carry them. */
  grantScopes(scopes: string[]): this {
    this.options.grantedScopes = scopes;
    return this;
  }

  /** Moves the request clock forward. */
  wait(seconds: number): this {
    this.now += seconds * 1000;
    return this;
  }

  async send(request: RequestEnvelope): Promise<Turn> {
    const response = await this.skill.invoke(request);
    const screenProblems = await responseScreenProblems(response);
    if (screenProblems.length > 0) throw new Error(`invalid APL response: ${screenProblems.join('; ')}`);
    const turn = toTurn(response, this.options.locale);
    this.started = true;
    this.attributes = turn.attributes;
    if (turn.ended) this.newSession();
    return turn;
  }

  launch(): Promise<Turn> {
    this.newSession();
    return this.send(launchRequest(this.envelopeOptions()));
  }

  /** The user says something that Alexa maps to `intent` with these slot values. */
  say(intent: string, slots: Record<string, string> = {}): Promise<Turn> {
    return this.send(intentRequest(modelFor(this.options.locale), intent, slots, this.envelopeOptions()));
  }

  /**
   * The user says these words: they are understood against the skill's interaction model (sample
   * utterances and slot synonyms), then sent as the IntentRequest Alexa would send.
   */
  utter(words: string): Promise<Turn> {
    const understood = matcherFor(this.options.locale).understand(words);
    return this.say(understood.intent, understood.slots);
  }

  /** Any other request type (APL UserEvent, etc.) inside this session. */
  request(request: Record<string, unknown>): Promise<Turn> {
    return this.send(envelope(request, this.envelopeOptions()));
  }

  async end(reason = 'USER_INITIATED'): Promise<Turn> {
    const turn = await this.send(sessionEndedRequest(reason, this.envelopeOptions()));
    this.newSession();
    return turn;
  }

  /** Starts a new session (same user): attributes are cleared, as on a device. */
  newSession(): void {
    this.attributes = {};
    this.started = false;
    this.sessionId = `amzn1.echo-api.session.${Math.random().toString(36).slice(2)}`;
  }

  /** Overwrites the session attributes the device will send next (for stale or tampered state). */
  setAttributes(attributes: Record<string, unknown>): void {
    this.attributes = attributes;
  }

  get sessionAttributes(): Record<string, unknown> {
    return this.attributes;
  }
}
