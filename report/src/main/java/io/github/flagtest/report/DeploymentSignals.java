package io.github.flagtest.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The signals that come from what is deployed: ON (or OFF) in every deployed environment for at
 * least the inventory's {@code retireAfterDays}, deployed nowhere, deployed but never read by a
 * test, and drift from the repository document mapped to an environment. Each names its evidence:
 * account, environment, version and date.
 */
final class DeploymentSignals {

    private DeploymentSignals() {}

    static void add(FlagFacts facts, RunRecords records, DeployedFlags deployed, Instant now, List<Signal> signals) {
        Map<Integer, DeployedFlags.Value> values = deployed.flags.getOrDefault(facts.name, Map.of());
        if (values.isEmpty()) {
            if (deployed.anySourceRead()) {
                signals.add(new Signal(
                        Signal.Code.DEPLOYED_NOWHERE,
                        "in none of the " + deployed.columns.size() + " deployments read at "
                                + deployed.readAt.toString().substring(0, 16).replace('T', ' ') + " UTC from "
                                + String.join(
                                        ", ",
                                        deployed.sources.stream()
                                                .filter(s -> s.error() == null)
                                                .map(DeployedFlags.Source::name)
                                                .toList())));
            }
            return;
        }
        Duration threshold = Duration.ofDays(deployed.retireAfterDays);
        boolean allOn = values.values().stream()
                .allMatch(v -> v.enabled() && v.variants().isEmpty());
        boolean allOff = values.values().stream()
                .allMatch(v -> !v.enabled() && v.variants().stream().noneMatch(t -> t.contains("=ON")));
        boolean oldEnough = values.values().stream()
                .allMatch(v -> v.since() != null && !v.since().plus(threshold).isAfter(now));
        if ((allOn || allOff) && oldEnough) {
            Instant latest = values.values().stream()
                    .map(DeployedFlags.Value::since)
                    .max(Instant::compareTo)
                    .orElseThrow();
            long days = Duration.between(latest, now).toDays();
            signals.add(new Signal(
                    allOn ? Signal.Code.DEPLOYED_ON_EVERYWHERE : Signal.Code.DEPLOYED_OFF_EVERYWHERE,
                    (allOn ? "ON" : "OFF") + " in every deployed environment for " + days + " days (>= "
                            + deployed.retireAfterDays + "): " + evidence(deployed, values)
                            + (allOn
                                    ? "; remove the flag and its OFF branch"
                                    : "; remove the flag and its ON branch")));
        }
        if (facts.reads == 0
                && facts.servedWhole.isEmpty()
                && facts.ranInE2e.isEmpty()
                && records.conclusiveTests > 0) {
            signals.add(new Signal(
                    Signal.Code.DEPLOYED_NEVER_READ,
                    "deployed in " + values.size() + " environment" + (values.size() == 1 ? "" : "s") + " ("
                            + String.join(
                                    ", ",
                                    values.keySet().stream()
                                            .map(i -> deployed.columns.get(i).label())
                                            .toList())
                            + ") but read 0 times in " + records.conclusiveTests + " tests that ran"));
        }
        drift(facts, deployed, values, signals);
    }

    private static void drift(
            FlagFacts facts, DeployedFlags deployed, Map<Integer, DeployedFlags.Value> values, List<Signal> signals) {
        List<String> differences = new ArrayList<>();
        deployed.repository.forEach((environment, document) -> {
            if (document.error() != null) {
                return;
            }
            DeployedFlags.Value declared = document.flags().get(facts.name);
            for (int i = 0; i < deployed.columns.size(); i++) {
                DeployedFlags.Column column = deployed.columns.get(i);
                if (!column.environment().equals(environment)) {
                    continue;
                }
                DeployedFlags.Value value = values.get(i);
                if (declared == null && value == null) {
                    continue;
                }
                if (declared == null || value == null || !declared.sameAs(value)) {
                    differences.add(document.path() + " says "
                            + (declared == null ? "nothing" : declared.describe()) + ", " + column.evidence()
                            + " has " + (value == null ? "nothing" : value.describe()));
                }
            }
        });
        if (!differences.isEmpty()) {
            signals.add(new Signal(Signal.Code.DRIFT, String.join("; ", differences)));
        }
    }

    /** Each deployment of the flag: account, environment, version, date and since when. */
    static String evidence(DeployedFlags deployed, Map<Integer, DeployedFlags.Value> values) {
        List<String> parts = new ArrayList<>();
        values.forEach((index, value) -> parts.add(
                deployed.columns.get(index).evidence() + ", unchanged since " + DeployedFlags.day(value.since())));
        return String.join("; ", parts);
    }
}
