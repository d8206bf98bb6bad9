package io.bhkr.cli;

/** The command line was wrong: {@link Main} prints the message and the usage and exits 2. */
final class UsageError extends RuntimeException {

  UsageError(String message) {
    super(message);
  }
}
