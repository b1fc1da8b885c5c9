export * from './command-context.js';
export * from './command-outcome.js';
export * from './shell-session.js';
