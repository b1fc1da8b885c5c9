export * from './lioctl-error.js';
