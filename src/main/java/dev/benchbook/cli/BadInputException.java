package dev.benchbook.cli;

/** A command's input file was missing or invalid; its message is the one line to print. */
final class BadInputException extends Exception {

  BadInputException(String message) {
    super(message, null, false, false);
  }
}
