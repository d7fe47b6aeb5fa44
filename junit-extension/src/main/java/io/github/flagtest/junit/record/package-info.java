/**
 * Internal room of flagtest's JUnit extension: the run records. Owns the run file ({@code
 * Recorder}), its header ({@code RunHeader}, with the Maven build the JVM runs in: {@code BuildId}) and one record per test ({@code TestRecord}), and the
 * end-of-run hook that turns them into the report ({@code FlagReportListener}, registered through
 * {@code ServiceLoader}).
 *
 * <p>May use: {@code .current}, {@code .matrix}, {@code .context}, the annotation types and {@code
 * EntryPointCall} of {@code io.github.flagtest.junit}, core and report. Used by {@code
 * FlagExtension} only.
 */
package io.github.flagtest.junit.record;
