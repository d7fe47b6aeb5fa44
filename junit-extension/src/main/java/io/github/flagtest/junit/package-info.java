/**
 * Feature-flag testing with JUnit Jupiter: what a test writes. The annotations {@link
 * io.github.flagtest.junit.WithFlag}, {@link io.github.flagtest.junit.FlagMatrix}, {@link
 * io.github.flagtest.junit.FeatureEntryPoint} and {@link io.github.flagtest.junit.FlagClient};
 * {@link io.github.flagtest.junit.FlagTest} for code without parameters (with {@link
 * io.github.flagtest.junit.EntryPointCall}, what it reports); and {@link
 * io.github.flagtest.junit.FlagExtension}, which the annotations register.
 *
 * <p>How the extension works lives in rooms under this package, one concern each. Arrows point
 * down this list, never up, and no room depends on a room above it:
 *
 * <ul>
 *   <li>{@code .record}: the run records and the end-of-run report hook;
 *   <li>{@code .inject}: the fields and parameters flagtest fills, and the mocks behind them;
 *   <li>{@code .entrypoint}: the calls that reach a {@code @FeatureEntryPoint}, judged by the flag
 *       state; {@code .instrument} sees the calls to a type;
 *   <li>{@code .flags}: a test's flag state, {@code @FlagClient} answers, OpenFeature routing,
 *       undeclared reads;
 *   <li>{@code .current}: the running test and the threads it is bound to;
 *   <li>{@code .matrix}: a {@code @FlagMatrix} turned into runs, and its unread flags;
 *   <li>{@code .context}: settings, flag documents, names in messages, flagtest's store namespace;
 *   <li>{@code .classpath}: the class path check.
 * </ul>
 *
 * <p>The rule between this package and its rooms: rooms may use the annotation types and {@code
 * EntryPointCall} (declarations, without behaviour); {@code FlagExtension}, {@code FlagTest} and the
 * package-private {@code ClassMatrixArguments} (the class-template arguments JUnit creates from
 * {@code @FlagMatrix}) compose the rooms, and no room uses them. The annotation types point back
 * up only to register those classes ({@code @ExtendWith}, {@code @ArgumentsSource}).
 */
package io.github.flagtest.junit;
