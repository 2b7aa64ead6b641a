// The window's buttons that try things and change no setting: "Send test notification" (Notifications) and the
// diagnostics for support (Advanced).
import { api, byId, onClick, setStatus } from '../dom.js';

export function wireTools(): void {
  const testStatus = byId('test-status');
  onClick(byId<HTMLButtonElement>('send-test'), testStatus, async () => {
    const result = await api().sendTestNotification();
    setStatus(testStatus, result.shown ? 'Test notification sent.' : `Not shown (${result.reason ?? 'unknown reason'}).`, result.shown ? 'ok' : 'error');
  });

  const diagnosticsStatus = byId('diagnostics-status');
  onClick(byId<HTMLButtonElement>('copy-diagnostics'), diagnosticsStatus, async () => {
    setStatus(diagnosticsStatus, 'Collecting…');
    await api().copyDiagnostics();
    setStatus(diagnosticsStatus, 'Diagnostics copied (secrets and phone numbers left out). Paste them into your message to support.', 'ok');
  });
  onClick(byId<HTMLButtonElement>('save-diagnostics'), diagnosticsStatus, async () => {
    setStatus(diagnosticsStatus, 'Collecting…');
    const result = await api().saveDiagnostics();
    setStatus(diagnosticsStatus, result.saved ? `Diagnostics saved to ${result.path ?? 'the chosen file'}.` : 'Not saved.', result.saved ? 'ok' : undefined);
  });
}
