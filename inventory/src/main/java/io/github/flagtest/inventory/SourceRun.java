package io.github.flagtest.inventory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import software.amazon.awssdk.services.appconfig.model.Application;
import software.amazon.awssdk.services.appconfig.model.ConfigurationProfileSummary;
import software.amazon.awssdk.services.appconfig.model.Environment;

/**
 * What the inventory has learnt about one source while it reads it: its clients, account,
 * applications and their environments and feature flag profiles, the deployments found, and what
 * went wrong. Filled by the reader's phases from several threads.
 */
final class SourceRun implements AutoCloseable {

    /** One application with the environments and feature flag profiles it has. */
    record App(Application summary, List<Environment> environments, List<ConfigurationProfileSummary> profiles) {}

    final InventoryConfig.Source source;
    SourceClients clients;
    volatile String account;
    volatile String error;
    final List<Application> applications = Collections.synchronizedList(new ArrayList<>());
    final List<App> apps = Collections.synchronizedList(new ArrayList<>());
    final List<DeploymentRecord> deployments = Collections.synchronizedList(new ArrayList<>());
    /** Hosted versions read once per application, profile and version, whichever environment asks first. */
    private final Map<String, FutureTask<Map<String, DeployedFlag>>> versions = new ConcurrentHashMap<>();

    SourceRun(InventoryConfig.Source source) {
        this.source = source;
    }

    boolean failed() {
        return error != null;
    }

    /** Records why the source could not be read; the first failure wins. */
    synchronized void fail(RuntimeException e) {
        if (error == null) {
            error = Secrets.scrub(describe(e));
        }
    }

    private static String describe(RuntimeException e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            message = e.getClass().getSimpleName();
        }
        return message;
    }

    /** The flags of one hosted version, read and parsed once. */
    Map<String, DeployedFlag> version(String key, java.util.function.Supplier<Map<String, DeployedFlag>> read) {
        FutureTask<Map<String, DeployedFlag>> task = new FutureTask<>(read::get);
        FutureTask<Map<String, DeployedFlag>> existing = versions.putIfAbsent(key, task);
        if (existing == null) {
            task.run();
            existing = task;
        }
        try {
            return existing.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + key, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    SourceResult result() {
        return new SourceResult(source.name(), account, source.region(), error);
    }

    @Override
    public void close() {
        if (clients != null) {
            clients.close();
        }
    }
}
