// Aliased in place of `electron` and `electron-store` for the unit and integration tests: any import of
// Electron reached from the core (directly or transitively) fails the suite loudly.
throw new Error('The core imported Electron: the core must run under plain Node (tests, CLI, browser mode).');
