// Keep test output readable: the skill's structured logs are silenced unless LOG_LEVEL is set.
process.env.LOG_LEVEL ??= 'silent';
