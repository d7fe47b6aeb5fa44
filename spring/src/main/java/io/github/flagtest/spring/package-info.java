/**
 * flagtest for Spring test contexts: {@link io.github.flagtest.spring.FlagClientBean} replaces the
 * application's flag client bean with one that answers from the running flagtest test, so one
 * cached context serves every flag state; {@link io.github.flagtest.spring.FlagEndpoint} gives the
 * context one AppConfig endpoint serving the running test's flags, exposed as properties. Needs Spring Framework 6.2+ (Spring Boot 3.4+).
 */
package io.github.flagtest.spring;
