// Keep test output readable: the skill's structured logs are silenced unless LOG_LEVEL is set.
process.env.LOG_LEVEL ??= 'silent';
// The AWS SDK warns once per process that its 2027 releases will need Node 22; not news in tests.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
