/**
 * The command line (picocli): parses options, calls the library, prints results. The only
 * package that prints, and the one place that maps failures to exit codes (0 ok, 1 failure,
 * 2 usage error, 130 interrupted).
 */
package lstm.cli;
