/**
 * AWS's published service models (Lambda, AppConfig, AppConfig Data, SSM; shipped as resources),
 * read once: which operation an HTTP request is, its input bound from path, query string, headers
 * and body as the model places each member, and every constraint the model states checked
 * (required members, lengths, patterns, ranges, enums, nested shapes). The embedded AWS answers the
 * violations with each service's own error shapes; no service re-checks a field by hand.
 */
package io.github.flagtest.e2e.embedded.model;
