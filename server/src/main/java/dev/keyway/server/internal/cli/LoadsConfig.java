package dev.keyway.server.internal.cli;

import java.nio.file.Path;

/** A command that reads a configuration file, named in its error messages. */
interface LoadsConfig {

  /** Returns the configuration file given on the command line. */
  Path configFile();
}
