// The window's buttons that try things and change no setting: "Send test notification" (Notifications) and the
// diagnostics for support (Advanced).
import { api, byId, onClick, setStatus } from '../dom.js';
import { t } from '../i18n.js';

export function wireTools(): void {
  const testStatus = byId('test-status');
  onClick(byId<HTMLButtonElement>('send-test'), testStatus, async () => {
    const result = await api().sendTestNotification();
    setStatus(testStatus, () => (result.shown ? t('settings.test.sent') : t('settings.test.notShown', { why: result.reason ?? t('settings.test.unknownReason') })), result.shown ? 'ok' : 'error');
  });

  const diagnosticsStatus = byId('diagnostics-status');
  onClick(byId<HTMLButtonElement>('copy-diagnostics'), diagnosticsStatus, async () => {
    setStatus(diagnosticsStatus, () => t('settings.diagnostics.collecting'));
    await api().copyDiagnostics();
    setStatus(diagnosticsStatus, () => t('settings.diagnostics.copied'), 'ok');
  });
  onClick(byId<HTMLButtonElement>('save-diagnostics'), diagnosticsStatus, async () => {
    setStatus(diagnosticsStatus, () => t('settings.diagnostics.collecting'));
    const result = await api().saveDiagnostics();
    setStatus(diagnosticsStatus, () => (result.saved ? (result.path ? t('settings.diagnostics.saved', { path: result.path }) : t('settings.diagnostics.savedSomewhere')) : t('settings.diagnostics.notSaved')), result.saved ? 'ok' : undefined);
  });
}
