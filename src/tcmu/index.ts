export * from './handler-source.js';
export * from './tcmu-error.js';
export * from './dbus-handler-source.js';
export * from './sim-handlers.js';
