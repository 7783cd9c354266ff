/**
 * The simulator page's script (bundled for the browser by scripts/build.ts into
 * dist/public/simulator.js). It sends what the person types to the simulator API and plays each
 * reply's cue list in real time: every cue appears (and, with "Speak" on, is spoken by the browser)
 * when it would be heard, and each hold shows a countdown ring. Typing mid-turn interrupts the
 * turn, as speaking to a device does; the server stamps the new request with the current time.
 * On the screen device, a routine turn's screen has one page per hold: each page comes up when the
 * audio reaches it (its `showAtMs`), as the skill's APL document switches pages on a device, with
 * its countdown bar emptying over the hold and its buttons sending their UserEvent when clicked.
 */
import type { Cue } from '../cues';
import type { Hold } from '../holds';
import { holdLength } from '../hold-length';
import type { DeviceKind, SimulatorReply, SimulatorSessionInfo } from '../simulator';
import type { Visual, VisualBar, VisualButton } from '../visual';
import { SUGGESTIONS } from './suggestions';

const RING_RADIUS = 16;
const RING_CIRCUMFERENCE = 2 * Math.PI * RING_RADIUS;
const DEVICE_LABELS: Record<DeviceKind, string> = {
  speaker: 'Speaker (Echo Dot)',
  screen: 'Screen (Echo Show 8)',
};
const DEVICE_NAMES: Record<DeviceKind, string> = {
  speaker: 'a speaker (Echo Dot, voice only)',
  screen: 'a screen device (Echo Show 8)',
};
const SESSION_LABELS: Record<SimulatorSessionInfo['session'], string> = {
  listening: 'Session open · the skill is listening',
  open: 'Session open · say “Alexa, …” to talk to the skill',
  closed: 'No session open · your next words start one',
};

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`#${id} is missing from the page`);
  return found as T;
}

function make<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

const svgNs = 'http://www.w3.org/2000/svg';

/**
 * Plays one reply's cues on the page, and switches the screen's pages when the audio reaches them;
 * `stop` interrupts (the screen stays where it was), `finish` shows what is left at once.
 */
class Playback {
  private timers: number[] = [];
  private shown = 0;
  /** Each running ring's animation frame, by hold. */
  private readonly rings = new Map<number, number>();
  private done = false;
  /** The screen page showing now (a paged visual starts on its first page). */
  private page = 0;
  private readonly started = performance.now();

  constructor(
    private readonly reply: SimulatorReply,
    private readonly bubble: HTMLElement,
    private readonly speak: () => boolean,
    private readonly onEnd: () => void,
    private readonly onPage: (index: number) => void = () => undefined,
  ) {
    const cues = reply.cues;
    if (cues.length === 0) {
      this.bubble.append(make('span', 'cue muted', reply.speech || '(no speech)'));
      this.end(true);
      return;
    }
    cues.forEach((cue, index) => {
      this.timers.push(window.setTimeout(() => this.show(cue, index), cue.atMs));
    });
    // One ring per hold, from "press now" to "release" (speech inside the hold does not end it).
    reply.holds.forEach((hold, index) => {
      this.timers.push(window.setTimeout(() => this.showHold(hold, index), hold.atMs));
    });
    (reply.visual?.pages ?? []).forEach((page, index) => {
      if (index > 0) this.timers.push(window.setTimeout(() => this.turnTo(index), page.showAtMs));
    });
    this.timers.push(window.setTimeout(() => this.end(true), reply.totalMs));
  }

  /** Shows screen page `index`, never going back to an earlier one. */
  private turnTo(index: number): void {
    if (index <= this.page) return;
    this.page = index;
    this.onPage(index);
  }

  get playing(): boolean {
    return !this.done;
  }

  /** How much of the turn is left. */
  remainingMs(): number {
    return Math.max(0, this.reply.totalMs - (performance.now() - this.started));
  }

  private show(cue: Cue, index: number): void {
    if (this.bubble.querySelector(`[data-cue="${index}"]`)) return;
    this.shown++;
    if (cue.kind === 'speech') {
      const span = make('span', 'cue', cue.text);
      span.dataset.cue = String(index);
      this.bubble.append(span);
      if (this.speak() && 'speechSynthesis' in window)
        window.speechSynthesis.speak(new SpeechSynthesisUtterance(cue.text));
    }
    this.scroll();
  }

  private showHold(hold: Hold, index: number): void {
    if (this.bubble.querySelector(`[data-hold="${index}"]`)) return;
    this.bubble.append(this.ring(hold, index));
    this.scroll();
  }

  private scroll(): void {
    const log = this.bubble.closest('ol');
    if (log) log.scrollTop = log.scrollHeight;
  }

  /** A hold: a ring that empties as the hold passes, labelled with the time left, counting down. */
  private ring(cue: Hold, index: number): HTMLElement {
    const hold = make('span', 'hold');
    hold.dataset.hold = String(index);
    hold.dataset.durationMs = String(cue.durationMs);
    hold.setAttribute('role', 'timer');
    const svg = document.createElementNS(svgNs, 'svg');
    svg.setAttribute('viewBox', '0 0 40 40');
    svg.setAttribute('aria-hidden', 'true');
    const track = document.createElementNS(svgNs, 'circle');
    const arc = document.createElementNS(svgNs, 'circle');
    for (const circle of [track, arc]) {
      circle.setAttribute('cx', '20');
      circle.setAttribute('cy', '20');
      circle.setAttribute('r', String(RING_RADIUS));
    }
    track.setAttribute('class', 'track');
    arc.setAttribute('class', 'arc');
    arc.setAttribute('stroke-dasharray', String(RING_CIRCUMFERENCE));
    svg.append(track, arc);
    const seconds = make('span', 'seconds');
    const label = make('span', 'label');
    hold.append(svg, seconds, label);
    const endsAt = this.started + cue.atMs + cue.durationMs;
    const tick = (): void => {
      const left = Math.max(0, endsAt - performance.now());
      arc.setAttribute('stroke-dashoffset', String(RING_CIRCUMFERENCE * (1 - left / cue.durationMs)));
      const whole = Math.ceil(left / 1000);
      seconds.textContent =
        whole >= 60 ? `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}` : String(whole);
      label.textContent = left > 0 ? `${holdLength(left)} left` : `held ${holdLength(cue.durationMs)}`;
      hold.dataset.remainingMs = String(Math.round(left));
      hold.setAttribute('aria-label', left > 0 ? `${holdLength(left)} left of this hold` : label.textContent);
      if (left > 0 && !this.done) this.rings.set(index, requestAnimationFrame(tick));
      else this.over(hold, left);
    };
    tick();
    return hold;
  }

  /** A ring stops: the hold is over, or the turn was interrupted with time left. */
  private over(hold: HTMLElement, left: number): void {
    if (hold.classList.contains('over')) return;
    hold.classList.add('over');
    if (left > 0) {
      const label = hold.querySelector('.label');
      if (label) label.textContent = `stopped with ${holdLength(left)} left`;
    }
  }

  /** Stops every ring where it is (interrupted) or at its end (played out or skipped). */
  private stopRings(atEnd: boolean): void {
    for (const frame of this.rings.values()) cancelAnimationFrame(frame);
    this.rings.clear();
    this.bubble.querySelectorAll<HTMLElement>('.hold').forEach((h) => {
      if (atEnd) {
        h.dataset.remainingMs = '0';
        const label = h.querySelector('.label');
        if (label && !h.classList.contains('over'))
          label.textContent = `held ${holdLength(Number(h.dataset.durationMs))}`;
      }
      this.over(h, atEnd ? 0 : Number(h.dataset.remainingMs));
    });
  }

  /** Shows every cue not yet shown, without waiting (the "skip ahead" button). */
  finish(): void {
    if (this.done) return;
    this.clear();
    this.reply.cues.forEach((cue, index) => {
      if (cue.kind === 'speech') {
        if (!this.bubble.querySelector(`[data-cue="${index}"]`)) {
          const span = make('span', 'cue skipped', cue.text);
          span.dataset.cue = String(index);
          this.bubble.append(span);
        }
      }
    });
    this.stopRings(true);
    this.end(true);
  }

  /** The person spoke mid-turn: the device stops talking. */
  stop(): void {
    if (this.done) return;
    this.clear();
    if ('speechSynthesis' in window) window.speechSynthesis.cancel();
    this.stopRings(false);
    if (this.shown < this.reply.cues.length) this.bubble.append(make('span', 'cue muted', '(interrupted)'));
    this.end();
  }

  private clear(): void {
    for (const timer of this.timers) window.clearTimeout(timer);
    this.timers = [];
  }

  /** `heard`: the whole turn was heard (played out or skipped ahead), so the screen got to its last page. */
  private end(heard = false): void {
    if (this.done) return;
    this.done = true;
    this.clear();
    const pages = this.reply.visual?.pages?.length ?? 0;
    if (heard && pages > 0) this.turnTo(pages - 1);
    this.onEnd();
  }
}

class SimulatorPage {
  private session?: SimulatorSessionInfo;
  private playback?: Playback;
  /** A skip ahead the server has not confirmed yet: the next words wait for it. */
  private skipping: Promise<unknown> = Promise.resolve();
  private readonly log = element<HTMLOListElement>('log');
  private readonly input = element<HTMLInputElement>('say');
  private readonly speakBox = element<HTMLInputElement>('speak');
  private readonly playing = element<HTMLDivElement>('playing');
  private readonly localeSelect = element<HTMLSelectElement>('locale');

  async start(): Promise<void> {
    element<HTMLFormElement>('say-form').addEventListener('submit', (event) => {
      event.preventDefault();
      void this.say(this.input.value);
    });
    const chips = element<HTMLDivElement>('chips');
    for (const text of SUGGESTIONS) {
      const chip = make('button', 'chip', text);
      chip.type = 'button';
      chip.addEventListener('click', () => void this.say(text));
      chips.append(chip);
    }
    element('device-speaker').addEventListener('click', () => void this.switchDevice('speaker'));
    element('device-screen').addEventListener('click', () => void this.switchDevice('screen'));
    element('new-session').addEventListener('click', () => void this.newSession());
    element('forget').addEventListener('click', () => void this.forget());
    element('skip').addEventListener('click', () => this.skipAhead());
    if (!('speechSynthesis' in window)) {
      this.speakBox.disabled = true;
      this.speakBox.parentElement?.setAttribute('title', 'This browser cannot speak');
    }
    this.speakBox.checked = localStorage.getItem('ppg.speak') === 'on' && !this.speakBox.disabled;
    this.speakBox.addEventListener('change', () => {
      localStorage.setItem('ppg.speak', this.speakBox.checked ? 'on' : 'off');
      if (!this.speakBox.checked && 'speechSynthesis' in window) window.speechSynthesis.cancel();
    });
    await this.loadLocales();
    const device = localStorage.getItem('ppg.device') === 'screen' ? 'screen' : 'speaker';
    await this.open(device);
    this.system(
      `You are on ${DEVICE_NAMES[device]}. Start with “open pressure point guide”, or ask straight away: “where is kunlun”.`,
    );
    document.body.dataset.ready = 'true';
    this.input.focus();
  }

  private async api<T>(path: string, payload: Record<string, unknown> = {}): Promise<T> {
    const response = await fetch(`/simulator/api${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
    });
    const data = (await response.json().catch(() => ({}))) as T & { error?: string };
    if (!response.ok) throw new ApiError(response.status, data.error ?? `HTTP ${response.status}`);
    return data;
  }

  /** The locales the server has models for, in the picker; the last one chosen is chosen again. */
  private async loadLocales(): Promise<void> {
    const response = await fetch('/simulator/api/locales');
    const { locales = ['en-US'] } = (await response.json().catch(() => ({}))) as { locales?: string[] };
    for (const locale of locales) {
      const option = make('option', undefined, locale);
      option.value = locale;
      this.localeSelect.append(option);
    }
    const saved = localStorage.getItem('ppg.locale');
    if (saved && locales.includes(saved)) this.localeSelect.value = saved;
    this.localeSelect.addEventListener('change', () => void this.switchLocale());
  }

  /** Another market: a new session on the same device, in that locale. */
  private async switchLocale(): Promise<void> {
    this.playback?.stop();
    localStorage.setItem('ppg.locale', this.localeSelect.value);
    try {
      await this.open(this.session?.device ?? 'speaker');
      this.system(
        `Now a device in ${this.localeSelect.value}: the next thing you say starts a fresh conversation.`,
      );
    } catch (error) {
      this.system(error instanceof Error ? error.message : String(error), true);
    }
  }

  private async open(device: DeviceKind): Promise<void> {
    const user = localStorage.getItem('ppg.user') ?? undefined;
    const locale = this.localeSelect.value || undefined;
    this.session = await this.api<SimulatorSessionInfo>('/sessions', { user, device, locale });
    localStorage.setItem('ppg.user', this.session.user);
    this.showSession();
  }

  /** Calls a session route; when the server forgot the session (a restart), opens a new one and retries. */
  private async call<T>(route: string, payload: Record<string, unknown> = {}): Promise<T> {
    if (!this.session) await this.open('speaker');
    try {
      return await this.api<T>(`/sessions/${this.session?.id}/${route}`, payload);
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 404 || !this.session) throw error;
      await this.open(this.session.device);
      return this.api<T>(`/sessions/${this.session.id}/${route}`, payload);
    }
  }

  /**
   * A button on the screen is clicked: the device sends the button's UserEvent (its SendEvent
   * arguments), which interrupts the turn as speaking does; the skill answers it as the spoken command.
   */
  private async press(button: VisualButton): Promise<void> {
    this.playback?.stop();
    const you = this.entry('you', 'You');
    you.body.textContent = `(touch “${button.label}” on the screen)`;
    try {
      await this.skipping;
      const reply = await this.call<SimulatorReply>('press', {
        arguments: button.arguments,
        ...(button.id ? { id: button.id } : {}),
      });
      you.item.append(make('p', 'meta', describeRequest(reply)));
      this.play(reply);
    } catch (error) {
      this.system(error instanceof Error ? error.message : String(error), true);
    }
  }

  private async say(raw: string): Promise<void> {
    const text = raw.trim();
    if (text === '') return;
    this.input.value = '';
    this.playback?.stop();
    const you = this.entry('you', 'You');
    you.body.textContent = text;
    try {
      await this.skipping;
      const reply = await this.call<SimulatorReply>('say', { text });
      you.item.append(make('p', 'meta', describeRequest(reply)));
      this.play(reply);
    } catch (error) {
      this.system(error instanceof Error ? error.message : String(error), true);
    }
  }

  private play(reply: SimulatorReply): void {
    const skill = this.entry('skill', 'Skill');
    if (reply.problems.length > 0)
      skill.item.append(make('p', 'problem', `Alexa would reject this SSML: ${reply.problems.join('; ')}`));
    if (this.session) this.session.session = reply.session;
    this.showSession();
    this.turnStartedAt = performance.now();
    this.showVisual(reply);
    this.playing.hidden = reply.holds.length === 0;
    const playback = new Playback(
      reply,
      skill.body,
      () => this.speakBox.checked,
      () => {
        if (this.playback === playback) this.playing.hidden = true;
      },
      (index) => {
        if (this.playback === playback && reply.visual) this.showPage(reply.visual, index);
      },
    );
    this.playback = playback.playing ? playback : undefined;
  }

  /**
   * "Skip ahead": the rest of the turn shows at once and counts as heard, so the skill's clock moves
   * on by what was left (a routine then carries on from the end of the turn).
   */
  private skipAhead(): void {
    const playback = this.playback;
    if (!playback?.playing) return;
    const ms = Math.round(playback.remainingMs());
    playback.finish();
    this.skipping = this.call('skip', { ms }).catch((error: unknown) =>
      this.system(error instanceof Error ? error.message : String(error), true),
    );
  }

  private async newSession(): Promise<void> {
    this.playback?.stop();
    try {
      const result = await this.call<{ ended: SimulatorReply | null; session: SimulatorSessionInfo }>('end');
      this.session = result.session;
      this.showSession();
      this.system('New session: the next thing you say starts a fresh conversation.');
    } catch (error) {
      this.system(error instanceof Error ? error.message : String(error), true);
    }
  }

  private async forget(): Promise<void> {
    this.playback?.stop();
    try {
      this.session = await this.call<SimulatorSessionInfo>('forget');
      this.showSession();
      this.system('Forgotten: the skill deleted what it stored about you; the next launch is a first use.');
    } catch (error) {
      this.system(error instanceof Error ? error.message : String(error), true);
    }
  }

  private async switchDevice(device: DeviceKind): Promise<void> {
    if (this.session?.device === device) return;
    this.playback?.stop();
    try {
      this.session = await this.call<SimulatorSessionInfo>('device', { device });
      localStorage.setItem('ppg.device', device);
      this.showSession();
      this.system(`Now on ${DEVICE_NAMES[device]}: a new device, so a new session.`);
    } catch (error) {
      this.system(error instanceof Error ? error.message : String(error), true);
    }
  }

  private showSession(): void {
    const session = this.session;
    if (!session) return;
    element('device-speaker').setAttribute('aria-pressed', String(session.device === 'speaker'));
    element('device-screen').setAttribute('aria-pressed', String(session.device === 'screen'));
    element('device-label').textContent = DEVICE_LABELS[session.device];
    element('session-state').textContent = SESSION_LABELS[session.session];
    document.body.dataset.device = session.device;
    document.body.dataset.session = session.session;
    element('screen').hidden = session.device !== 'screen';
  }

  /** The screen device's display: the diagram (SVG, as an image) and the document's text. */
  private showVisual(reply: SimulatorReply): void {
    if (this.session?.device !== 'screen') return;
    const display = element('display');
    this.stopBar();
    display.replaceChildren();
    delete display.dataset.page;
    const visual = reply.visual;
    display.classList.toggle('with-diagram', visual?.svg !== undefined);
    if (!visual) {
      // Without an APL document an Echo Show shows the speech as text.
      display.append(make('p', 'fallback', reply.speech || '(nothing to show)'));
      return;
    }
    if (visual.pages) {
      this.showPage(visual, 0);
      return;
    }
    this.draw(visual.svg, visual.lines, visual.buttons);
  }

  /** Page `index` of a paged visual (a routine turn's screen): the title, then the page. */
  private showPage(visual: Visual, index: number): void {
    if (this.session?.device !== 'screen') return;
    const page = visual.pages?.[index];
    const display = element('display');
    display.dataset.page = String(index);
    this.stopBar();
    this.draw(page?.svg, [...visual.lines, ...(page?.lines ?? [])], page?.buttons, page?.bar);
  }

  /**
   * The display: a diagram (as an image, so the SVG is drawn but never runs script), lines of text,
   * the countdown bar and the buttons.
   */
  private draw(svg: string | undefined, text: string[], buttons: VisualButton[] = [], bar?: VisualBar): void {
    const display = element('display');
    display.replaceChildren();
    display.classList.toggle('with-diagram', svg !== undefined);
    // A wide picture (the progress chart) goes above the words, full width, as on the device.
    display.classList.toggle('wide', svg !== undefined && isWide(svg));
    if (svg) {
      const image = make('img', 'diagram');
      image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
      image.alt = svgTitle(svg) ?? text[0] ?? 'diagram';
      display.append(image);
    }
    const column = make('div', 'column');
    const lines = make('ul', 'lines');
    for (const line of text) lines.append(make('li', undefined, line));
    column.append(lines);
    if (bar) column.append(this.bar(bar));
    if (buttons.length > 0) {
      const row = make('div', 'apl-buttons');
      for (const button of buttons) {
        const node = make('button', 'apl-button', button.label);
        if (button.style) node.dataset.style = button.style;
        node.type = 'button';
        node.dataset.event = JSON.stringify(button.arguments);
        node.addEventListener('click', () => void this.press(button));
        row.append(node);
      }
      column.append(row);
    }
    display.append(column);
  }

  private barFrame = 0;
  /** When the turn on screen started (performance.now() time): its bars are timed from it. */
  private turnStartedAt = 0;

  /**
   * The countdown bar: full width is the whole hold; it empties as the hold passes (timed from the
   * start of the turn's audio, as the document's animation is), or stands still (paused).
   */
  private bar(bar: VisualBar): HTMLElement {
    const track = make('div', 'bar');
    track.setAttribute('role', 'progressbar');
    track.setAttribute('aria-label', 'Time left on this hold');
    track.setAttribute('aria-valuemin', '0');
    track.setAttribute('aria-valuemax', '100');
    const fill = make('div', 'fill');
    track.append(fill);
    const started = this.turnStartedAt;
    const to = bar.to ?? 0;
    const tick = (): void => {
      let fraction = bar.from;
      if (bar.atMs !== undefined && bar.durationMs && started !== undefined) {
        const t = (performance.now() - started - bar.atMs) / bar.durationMs;
        fraction = bar.from + (to - bar.from) * Math.min(1, Math.max(0, t));
      }
      fill.style.width = `${(fraction * 100).toFixed(2)}%`;
      track.dataset.fraction = fraction.toFixed(4);
      track.setAttribute('aria-valuenow', String(Math.round(fraction * 100)));
      const moving = bar.atMs !== undefined && fraction > to;
      if (moving) this.barFrame = requestAnimationFrame(tick);
    };
    tick();
    return track;
  }

  private stopBar(): void {
    cancelAnimationFrame(this.barFrame);
  }

  private entry(kind: 'you' | 'skill', who: string): { item: HTMLLIElement; body: HTMLElement } {
    const item = make('li', `turn ${kind}`);
    item.append(make('span', 'who', who));
    const body = make('p', 'body');
    item.append(body);
    this.log.append(item);
    this.scroll();
    return { item, body };
  }

  private system(text: string, error = false): void {
    const item = make('li', error ? 'system error' : 'system', text);
    this.log.append(item);
    this.scroll();
  }

  private scroll(): void {
    this.log.scrollTop = this.log.scrollHeight;
  }
}

class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The SVG's own title ("Diagram of the back, with BL 23 marked"), for the image's alt text. */
/** Whether an SVG is much wider than tall (its root's width and height). */
function isWide(svg: string): boolean {
  const size = /^\s*<svg[^>]*\swidth="(\d+(?:\.\d+)?)"[^>]*\sheight="(\d+(?:\.\d+)?)"/.exec(svg);
  return size !== null && Number(size[1]) > 1.6 * Number(size[2]);
}

function svgTitle(svg: string): string | undefined {
  const title = /<title[^>]*>([^<]*)<\/title>/.exec(svg)?.[1];
  if (!title) return undefined;
  const entities: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&amp;': '&' };
  return title.replace(/&(lt|gt|quot|amp);/g, (entity) => entities[entity]);
}

/** "FindPointIntent · point: kunlun → BL 60" (what Alexa understood), for the person and the developer. */
function describeRequest(reply: SimulatorReply): string {
  const { request } = reply;
  if (request.arguments) return `${request.type} · ${JSON.stringify(request.arguments)}`;
  if (!request.intent) return request.type;
  const slots = Object.entries(request.slots ?? {}).map(
    ([name, slot]) => `${name}: ${slot.value}${slot.id ? ` → ${slot.id}` : ' (no match)'}`,
  );
  return [request.intent, ...slots].join(' · ');
}

document.addEventListener('DOMContentLoaded', () => {
  new SimulatorPage().start().catch((error: unknown) => {
    const log = document.getElementById('log');
    if (log) log.append(make('li', 'system error', `The simulator could not start: ${String(error)}`));
  });
});
