// What "About Servicebell" says, in one place (all texts here are translated together later).

/** How the about box names the update state; mirrors main/electron/autoUpdate.ts's UpdateState. */
export type UpdateStateText =
  | { kind: 'off'; why: 'disabled' | 'refused-feed' | 'package-manager' | 'development' }
  | { kind: 'checking'; lastCheck?: { at: number; ok: boolean } }
  | { kind: 'ready'; version: string };

const OFF: Record<Extract<UpdateStateText, { kind: 'off' }>['why'], string> = {
  disabled: 'Updates: turned off by your administrator.',
  'refused-feed': 'Updates: off, because the update address in the settings is not an https address.',
  'package-manager': "Updates: installed as a system package, so your computer's software updates keep it up to date.",
  development: 'Updates: this is a development build; it does not update itself.',
};

export const aboutText = {
  title: 'About Servicebell',
  message: (version: string): string => `Servicebell ${version}`,
  update(state: UpdateStateText, formatTime: (ms: number) => string): string {
    if (state.kind === 'off') return OFF[state.why];
    if (state.kind === 'ready') return `Updates: version ${state.version} is downloaded. Choose "Restart to update" in the tray menu to install it.`;
    if (!state.lastCheck) return 'Updates: on; checking for a new version.';
    return state.lastCheck.ok
      ? `Updates: on; last checked at ${formatTime(state.lastCheck.at)}, checked again daily.`
      : `Updates: on; the last check at ${formatTime(state.lastCheck.at)} could not reach the update server. It tries again daily.`;
  },
  diagnosticsHint: 'If something does not work, copy or save the diagnostics and send them to your IT contact. They contain no passwords or keys.',
  copyDiagnostics: 'Copy diagnostics',
  saveDiagnostics: 'Save diagnostics…',
  close: 'Close',
};
