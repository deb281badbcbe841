/**
 * The port `atm service` and `atm doctor` use to run atmd under the OS's service manager:
 * systemd user units on Linux (src/integrations/systemd), a launchd agent on macOS
 * (src/integrations/launchd). The use cases in src/cli/commands/service-*.ts take one of these.
 */
export interface ServiceFile {
  readonly path: string;
  readonly text: string;
}

export interface ServiceState {
  /** Every file atm installs is present. */
  readonly installed: boolean;
  /** Starts at login (systemd: the socket is enabled; launchd: the agent is loaded). */
  readonly enabled: boolean;
  /** Reports reach atmd now or start it (systemd: the socket listens; launchd: the agent runs). */
  readonly active: boolean;
  /** atmd's pid when it runs under the manager. */
  readonly mainPid: number | null;
  /** One line per unit for `atm service status`. */
  readonly lines: readonly string[];
}

export interface InstallInputs {
  /** This installation's node and atmd main.js, by absolute path. */
  readonly execStart: readonly string[];
  readonly socketPath: string;
  readonly logDir: string;
}

export interface ServiceManager {
  /** "systemd user units", "launchd agent": for messages. */
  readonly label: string;
  /** Null when it can be used; otherwise why not, in a sentence. */
  unavailable(): Promise<string | null>;
  /** The files `install` writes for this installation. */
  files(inputs: InstallInputs): readonly ServiceFile[];
  /** The commands `install` runs after writing the files (shown by --dry-run). */
  readonly enableCommands: readonly string[];
  /** Loads the files (when `changed`) and enables and starts the service; idempotent. */
  enable(changed: boolean): Promise<void>;
  /** Stops and disables everything it runs; idempotent. */
  disable(): Promise<void>;
  /** After the files are removed: forget them. */
  forget(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  restart(): Promise<void>;
  state(): Promise<ServiceState>;
}
