// A stand-in for the `electron` module, for running the built Electron main bundle under plain Node (the Electron
// binary cannot be downloaded everywhere). It records what main does (windows, menu, tray, dialogs, IPC replies)
// and reports it to the test over the child-process IPC channel; the test drives it with commands.
/* eslint-disable @typescript-eslint/no-require-imports */
'use strict';
const { EventEmitter } = require('node:events');
const path = require('node:path');

const dir = process.env.FAKE_ELECTRON_DIR;
const record = (type, data = {}) => process.send && process.send({ type, ...data });

let contentsSeq = 0;
let focused = null;
let ready = false;
let appMenu = null;
const windows = [];
const ipcHandlers = new Map();
const setFocused = (w) => {
  focused = w;
};

class WebContents extends EventEmitter {
  constructor() {
    super();
    this.id = ++contentsSeq;
    this.destroyed = false;
  }
  send(channel, payload) {
    record('contents-send', { id: this.id, channel, payload });
  }
  isDestroyed() {
    return this.destroyed;
  }
  reload() {
    record('reload', { id: this.id });
  }
  setWindowOpenHandler(handler) {
    this.openHandler = handler;
  }
}

class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    this.options = options;
    this.webContents = new WebContents();
    this.minimized = false;
    this.visible = false;
    this.maximized = false;
    this.destroyed = false;
    windows.push(this);
    app.emit('web-contents-created', {}, this.webContents);
    const { webPreferences, ...rest } = options;
    record('window-created', { id: this.webContents.id, options: rest, webPreferences });
  }
  static getFocusedWindow() {
    return focused && !focused.destroyed ? focused : null;
  }
  static getAllWindows() {
    return windows.filter((w) => !w.destroyed);
  }
  loadURL(url) {
    this.url = url;
    record('load', { id: this.webContents.id, url });
    setImmediate(() => this.emit('ready-to-show'));
    return Promise.resolve();
  }
  show() {
    this.visible = true;
    setFocused(this);
    record('show', { id: this.webContents.id });
  }
  focus() {
    setFocused(this);
    record('focus', { id: this.webContents.id });
  }
  restore() {
    this.minimized = false;
    record('restore', { id: this.webContents.id });
  }
  maximize() {
    this.maximized = true;
  }
  isMinimized() {
    return this.minimized;
  }
  isVisible() {
    return this.visible;
  }
  isMaximized() {
    return this.maximized;
  }
  isDestroyed() {
    return this.destroyed;
  }
  getNormalBounds() {
    const o = this.options;
    return { x: o.x ?? 40, y: o.y ?? 30, width: o.width, height: o.height };
  }
  close() {
    if (this.destroyed) return;
    this.emit('close', { preventDefault() {} });
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.webContents.emit('destroyed');
    this.emit('closed');
    record('closed', { id: this.webContents.id });
    if (BrowserWindow.getAllWindows().length === 0) app.emit('window-all-closed');
  }
}

const app = new EventEmitter();
Object.assign(app, {
  isPackaged: false,
  requestSingleInstanceLock: () => process.env.FAKE_LOCK !== '0',
  whenReady: () =>
    new Promise((resolve) =>
      setImmediate(() => {
        ready = true;
        resolve();
      }),
    ),
  isReady: () => ready,
  getPath: (name) => path.join(dir, name),
  quit() {
    record('quit');
    const event = {
      defaultPrevented: false,
      preventDefault() {
        this.defaultPrevented = true;
      },
    };
    app.emit('before-quit', event);
    if (!event.defaultPrevented) {
      record('exit', { code: 0 });
      setTimeout(() => process.exit(0), 20);
    }
  },
  exit(code) {
    record('exit', { code });
    setTimeout(() => process.exit(code), 20);
  },
  relaunch: () => record('relaunch'),
  setAppUserModelId: () => undefined,
});

class Tray extends EventEmitter {
  constructor(image) {
    super();
    record('tray', { image: image.path });
  }
  setImage(image) {
    record('tray-image', { image: path.basename(image.path) });
  }
  setToolTip(text) {
    record('tray-tooltip', { text });
  }
  setContextMenu() {}
  destroy() {}
}

class Notification extends EventEmitter {
  static isSupported() {
    return true;
  }
  constructor(options) {
    super();
    this.options = options;
  }
  show() {
    record('notification', { title: this.options.title, body: this.options.body });
  }
}

function flatten(items) {
  return items.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? flatten(i.submenu) : [])]);
}

module.exports = {
  app,
  BrowserWindow,
  Tray,
  Notification,
  protocol: {
    registerSchemesAsPrivileged: (schemes) => record('schemes', { schemes }),
    handle: (scheme) => record('protocol', { scheme }),
  },
  screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }] },
  session: {
    defaultSession: {
      setPermissionRequestHandler: () => undefined,
      setPermissionCheckHandler: () => undefined,
      on: () => undefined,
    },
  },
  shell: {
    openExternal: async (url) => record('open-external', { url }),
    openPath: async (p) => {
      record('open-path', { path: p });
      return '';
    },
  },
  dialog: {
    showMessageBox: async (a, b) => {
      const o = b ?? a;
      record('dialog', { title: o.title, message: o.message, detail: o.detail, buttons: o.buttons });
      return { response: o.defaultId ?? 0 };
    },
    showErrorBox: (title, content) => record('error-box', { title, content }),
  },
  ipcMain: {
    handle: (channel, handler) => ipcHandlers.set(channel, handler),
    removeHandler: (channel) => ipcHandlers.delete(channel),
  },
  Menu: {
    buildFromTemplate: (template) => ({ template }),
    setApplicationMenu: (menu) => {
      appMenu = menu;
      record('menu', { labels: menu.template.map((i) => i.label) });
    },
  },
  nativeImage: { createFromPath: (p) => ({ path: p, setTemplateImage: () => undefined }) },
  powerMonitor: new EventEmitter(),
  net: { isOnline: () => true },
  clipboard: { writeText: (text) => record('clipboard', { text }) },
};

// ---- commands from the test ----------------------------------------------------------------------------------------
process.on('message', async (msg) => {
  const reply = (data) => record('reply', { seq: msg.seq, ...data });
  const win = (i) => windows[i];
  try {
    switch (msg.cmd) {
      case 'invoke': {
        const w = win(msg.window);
        const sender = w ? w.webContents : { id: 999 };
        const url = msg.url ?? (w ? w.url : 'app://ibdesk/index.html');
        const result = await ipcHandlers.get('ibdesk:invoke')(
          { sender, senderFrame: { url } },
          msg.method,
          msg.params,
        );
        return reply({ result });
      }
      case 'click': {
        const item = flatten(appMenu.template).find((i) => i.id === msg.id);
        item.click();
        return reply({});
      }
      case 'focus':
        focused = win(msg.window);
        return reply({});
      case 'minimize':
        win(msg.window).minimized = true;
        return reply({});
      case 'app-emit':
        app.emit(msg.event, {}, ...(msg.args ?? []));
        return reply({});
      case 'contents-emit':
        win(msg.window).webContents.emit(msg.event, {}, ...(msg.args ?? []));
        return reply({});
      case 'power':
        module.exports.powerMonitor.emit(msg.event);
        return reply({});
      case 'throw':
        setImmediate(() => {
          throw new Error(msg.message);
        });
        return reply({});
      case 'quit':
        app.quit();
        return reply({});
      default:
        return reply({ error: `unknown command ${msg.cmd}` });
    }
  } catch (err) {
    reply({ error: String(err && err.stack ? err.stack : err) });
  }
});
