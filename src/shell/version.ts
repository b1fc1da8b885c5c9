declare const LIOCTL_VERSION: string | undefined;
/** Injected at build time from package.json so that --version reads no file. */
export const version: string = typeof LIOCTL_VERSION === 'string' ? LIOCTL_VERSION : '0.0.0-dev';
