// Pure checks and normalisation for everything a user can type into the object model.
export * from './invalid.js';
export * from './wwn.js';
export * from './names.js';
export * from './size.js';
export * from './portal.js';
export * from './numbers.js';
export * from './chap.js';
export * from './bool.js';
export * from './inquiry.js';
