/**
 * Internal room of flagtest's core: AppConfig's HTTP surface. Owns the AppConfig Data API and agent
 * path (sessions, tokens, poll intervals, the {@code Context} header, AWS-shaped errors: {@code
 * AppConfigHandler}) and the retrieval form of a flag state ({@code RetrievalDocument}).
 *
 * <p>May use: the public flag model of {@code io.github.flagtest.core} ({@code FlagState}, {@code
 * Variants}, {@code FlagSource}), Jackson and the JDK's HTTP server. Used only by {@link
 * io.github.flagtest.core.AppConfigEndpoint}, the public entry point, which stays beside the model.
 */
package io.github.flagtest.core.appconfig;
