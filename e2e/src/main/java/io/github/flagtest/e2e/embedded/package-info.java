/**
 * The embedded backend's AWS (internal to flagtest): an HTTP surface on 127.0.0.1 that checks
 * Signature Version 4 and answers Lambda, AppConfig, AppConfig Data and SSM as AWS does, runs each
 * function in a child JVM through the AWS Lambda Runtime Interface Client (shipped with flagtest and
 * kept apart from the function's class path, as Lambda's runtime is), gives functions with the
 * layer an AppConfig extension of their own, and shares class data between function JVMs. It
 * depends on nothing else in {@code io.github.flagtest.e2e}.
 */
package io.github.flagtest.e2e.embedded;
