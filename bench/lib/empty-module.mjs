// An ES module that does nothing: bench/cli-startup.mjs times it as the floor of any ES module entry.
