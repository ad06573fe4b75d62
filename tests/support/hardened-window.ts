// The webPreferences every IBDesk window must be made with (Electron's security checklist), written out once for
// the tests that pin them: the options builder's unit test and the Electron shell's integration test.
export const HARDENED_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  disableBlinkFeatures: 'Auxclick',
} as const;
