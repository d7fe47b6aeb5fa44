/**
 * Internal: how flagtest sees calls to the methods of a type named by a class-level {@link
 * io.github.flagtest.junit.FeatureEntryPoint}, on every instance and on static methods, without
 * changing what they do. Not part of flagtest's API; the types here are public only because
 * instrumented classes call {@link io.github.flagtest.junit.instrument.CallHook}.
 *
 * <p>May use: the JDK and Byte Buddy only; nothing else of flagtest. Used by {@code
 * io.github.flagtest.junit.entrypoint}.
 */
package io.github.flagtest.junit.instrument;
