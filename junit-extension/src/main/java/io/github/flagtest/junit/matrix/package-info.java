/**
 * Internal room of flagtest's JUnit extension: flag matrices. Owns turning a {@code @FlagMatrix}
 * on a method or class into runs ({@code MatrixProvider}, {@code MatrixFlag}), the strategies
 * ({@code MatrixRuns}, {@code Pairwise}), the run of each invocation ({@code MatrixRun}) and the
 * check that the runs read the matrix's flags ({@code UnreadFlags}); {@code MatrixSizes} is the
 * benchmarks' entry point.
 *
 * <p>May use: {@code .context}, {@code .classpath}, the annotation types of {@code
 * io.github.flagtest.junit} and core. Used by {@code .current}, {@code .flags}, {@code .record},
 * {@code FlagExtension} and {@code ClassMatrixArguments}.
 */
package io.github.flagtest.junit.matrix;
