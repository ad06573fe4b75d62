// `node -r hook.cjs bundle.cjs`: every require('electron') gets the fake.
/* eslint-disable @typescript-eslint/no-require-imports */
'use strict';
const Module = require('node:module');
const fake = require('./fake-electron.cjs');
const load = Module._load;
Module._load = function (request, ...rest) {
  if (request === 'electron') return fake;
  return load.call(this, request, ...rest);
};
