import type { ConnectionProbe } from './connectionCheck.js';
import { smsapiProbe } from '../sms/smsapiProbe.js';
import { mqttProbe } from '../sources/mqtt/mqttProbe.js';
import { ntfyProbe } from '../sources/ntfy/ntfyProbe.js';
import { privmxProbe } from '../sources/privmx/privmxProbe.js';
import { vonageProbe } from '../sources/vonage/vonageProbe.js';

/** One probe per connection `servicebell check` (and the settings window's "Check connections") tries once. */
export const connectionProbes: readonly ConnectionProbe[] = [vonageProbe, privmxProbe, mqttProbe, ntfyProbe, smsapiProbe];
