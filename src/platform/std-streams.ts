/**
 * Makes writes to a closed stdout or stderr harmless. Whoever started atmd may close its end:
 * `atm` reads atmd's stderr while it starts, then destroys the pipe, and a terminal may go away.
 * A write after that fails with EPIPE, emitted as an 'error' event, and an unhandled one used to
 * kill atmd (issue 10, defect 6). The log file is where atmd says things; stderr is a courtesy.
 */
export function ignoreBrokenStdio(streams: readonly NodeJS.WritableStream[] = [process.stdout, process.stderr]): void {
  for (const stream of streams) stream.on('error', () => undefined);
}
