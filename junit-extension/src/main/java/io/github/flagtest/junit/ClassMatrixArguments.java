package io.github.flagtest.junit;

import io.github.flagtest.junit.matrix.MatrixProvider;
import io.github.flagtest.junit.matrix.MatrixRun;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.support.ParameterDeclarations;

/**
 * The runs of a class-level {@link FlagMatrix}, for the {@code @ParameterizedClass} it stands for:
 * one named argument set per flag combination, with no arguments (so a test class's constructor
 * keeps its own parameters). {@link MatrixRun#around} finds each invocation's run by its index.
 */
final class ClassMatrixArguments implements ArgumentsProvider {

    ClassMatrixArguments() {}

    @Override
    public Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters, ExtensionContext context) {
        return MatrixProvider.runs(context, context.getRequiredTestClass()).stream()
                .map(run -> Arguments.argumentSet(run.assignment().toString()));
    }

    /** JUnit 5.13 and 5.14 call this one; JUnit 6 only the one above. */
    @Override
    @Deprecated
    public Stream<? extends Arguments> provideArguments(ExtensionContext context) {
        return provideArguments(null, context);
    }
}
