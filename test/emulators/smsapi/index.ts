export { SmsapiEmulator, startSmsapiEmulator } from './smsapiEmulator.js';
export type { ReceivedSms, SmsapiFault, SmsapiEmulatorOptions } from './smsapiEmulator.js';
