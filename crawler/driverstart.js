// Loaded into Playwright's driver (the Node process that runs Chromium) before the driver's
// own code, through NODE_OPTIONS (crawler/playwright_handler.py).  SIGTERM to the audit's
// process group (`timeout`, a shell's `kill %1`) asks the audit for its polite stop: the
// pages in flight are finished, a page being rendered too.  The driver is in that group;
// with Playwright's handle_sigterm off, Node's default ended it on SIGTERM, and Chromium with
// it (its pipe closed), under the page being rendered.  Ignored here: the audit ends the
// driver when it is done (its pipe closed), and SIGKILL still ends it.
process.on("SIGTERM", () => {});
