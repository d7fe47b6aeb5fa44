/**
 * Internal room of flagtest's JUnit extension: the class path check. Owns finding a library's
 * version from its jar ({@code Library}) and the check that the JUnit, Mockito and byte-buddy
 * jars can run flagtest, with the fix for each mix ({@code ClassPathCheck}); a pre-discovery hook
 * may use it as well as the extension.
 *
 * <p>May use: the JDK only; nothing else of flagtest.
 */
package io.github.flagtest.junit.classpath;
