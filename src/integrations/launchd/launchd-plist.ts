/**
 * atm's launchd agent, rendered by a pure function. launchd socket activation needs
 * launch_activate_socket(), a C API Node cannot call without a native addon, so the agent runs
 * atmd at login and keeps it alive (`KeepAlive` with `SuccessfulExit` false: restarted after a
 * crash, left alone after a clean stop), and atmd binds the socket itself.
 */
export const LAUNCHD_LABEL = 'io.github.atm.atmd';
export const PLIST_FILE_NAME = `${LAUNCHD_LABEL}.plist`;
/** launchd starts an agent again at most this often (seconds), so a crash loop cannot spin. */
export const THROTTLE_INTERVAL_S = 10;
/** Launch agents start with a bare environment: Homebrew's and the system's directories. */
export const AGENT_PATH = '/opt/homebrew/bin:/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin';
/** tmux mangles Unicode without a UTF-8 LANG. */
export const AGENT_LANG = 'en_US.UTF-8';

export interface PlistInputs {
  /** node and atmd's main.js by absolute path, or a launcher that execs node. */
  readonly programArguments: readonly string[];
  /** ~/Library/Logs/atm, absolute: launchd expands no `~`. */
  readonly logDir: string;
  readonly path?: string;
  readonly lang?: string;
}

/** What the template in launchd/ is rendered with; `atm service install` fills in real paths. */
export const TEMPLATE_INPUTS: PlistInputs = {
  programArguments: ['/usr/local/bin/atmd'],
  logDir: '/Users/USER/Library/Logs/atm',
};

const escapeXml = (text: string): string =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
const str = (text: string): string => `<string>${escapeXml(text)}</string>`;

export function renderPlist(inputs: PlistInputs): string {
  const args = inputs.programArguments.map((arg) => `\t\t${str(arg)}`).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<!-- atmd, the atm daemon, as a launchd agent: atm service install writes it to
     ~/Library/LaunchAgents/${PLIST_FILE_NAME} and runs launchctl bootstrap gui/$UID on it. -->
<plist version="1.0">
<dict>
\t<key>Label</key>
\t${str(LAUNCHD_LABEL)}
\t<key>ProgramArguments</key>
\t<array>
${args}
\t</array>
\t<key>RunAtLoad</key>
\t<true/>
\t<key>KeepAlive</key>
\t<dict>
\t\t<key>SuccessfulExit</key>
\t\t<false/>
\t</dict>
\t<key>ThrottleInterval</key>
\t<integer>${THROTTLE_INTERVAL_S}</integer>
\t<key>EnvironmentVariables</key>
\t<dict>
\t\t<key>LANG</key>
\t\t${str(inputs.lang ?? AGENT_LANG)}
\t\t<key>PATH</key>
\t\t${str(inputs.path ?? AGENT_PATH)}
\t</dict>
\t<key>StandardOutPath</key>
\t${str(`${inputs.logDir}/atmd.stdout.log`)}
\t<key>StandardErrorPath</key>
\t${str(`${inputs.logDir}/atmd.stderr.log`)}
</dict>
</plist>
`;
}
