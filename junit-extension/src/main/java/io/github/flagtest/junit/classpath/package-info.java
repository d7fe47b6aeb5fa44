/**
 * Internal room of flagtest's JUnit extension: the class path check. Owns finding a library's
 * version from its jar ({@code Library}) and the check that the JUnit, Mockito and byte-buddy
 * jars can run flagtest, with the fix for each mix ({@code ClassPathCheck}), run by the extension
 * and, before any engine discovers tests, by a launcher session listener ({@code
 * ClassPathSessionListener}, registered through {@code ServiceLoader}); on a launcher too old for
 * session listeners (Surefire 2.22's 1.3.1), a test execution listener stops the run when the plan
 * starts, naming the fix ({@code OldLauncherListener}).
 *
 * <p>May use: the JDK and the JUnit Platform launcher API only; nothing else of flagtest.
 */
package io.github.flagtest.junit.classpath;
