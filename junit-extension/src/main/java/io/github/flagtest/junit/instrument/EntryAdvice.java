package io.github.flagtest.junit.instrument;

import net.bytebuddy.asm.Advice;

/** Inlined at the start of every watched method: reports the call to {@link CallHook}. */
final class EntryAdvice {

    private EntryAdvice() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(
            @Advice.Origin Class<?> declaringType,
            @Advice.Origin("#m") String method,
            @Advice.This(optional = true) Object receiver,
            @Advice.AllArguments Object[] arguments) {
        CallHook.enter(declaringType, method, receiver, arguments);
    }
}
