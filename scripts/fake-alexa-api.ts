/**
 * `npm run fake-alexa-api`: serves the local stand-in for the Alexa Reminders and device settings
 * APIs (simulator/alexa-api.ts) on 127.0.0.1:${PORT:-3001}, for trying reminders in the simulator
 * offline: start the skill with SIMULATOR_ALEXA_API=<the printed url> npm start. It accepts the
 * simulator's token ("test-token"), keeps reminders in memory, and answers the device's time zone
 * as TIME_ZONE (default Europe/London).
 */
import { FakeAlexaApi } from '../simulator/alexa-api';

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 3001);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`PORT must be a port number, not "${process.env.PORT}".`);
    process.exit(1);
  }
  const api = new FakeAlexaApi();
  if (process.env.TIME_ZONE) api.timeZone = process.env.TIME_ZONE;
  await api.start(port);
  console.log(JSON.stringify({ event: 'fake_alexa_api.listening', url: api.url }));
  const stop = (): void => void api.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
