import packageJson from '../../package.json';

/** The studio's version, as package.json gives it: recorded with every trained model. */
export const APP_VERSION: string = packageJson.version;
