package io.github.flagtest.junit.record;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.platform.engine.UniqueId;

/**
 * The event file a parameterized test's invocation ran with, when the events come from
 * aws-lambda-java-tests' {@code @Events}, {@code @Event} or {@code @HandlerParams}: the same
 * order as its arguments provider (the listed events, or the folder's regular files sorted by
 * path). Read by annotation name, so that library stays optional.
 */
final class EventFiles {

    private static final String PACKAGE = "com.amazonaws.services.lambda.runtime.tests.annotations.";

    private EventFiles() {}

    /** The file name of invocation {@code index} (from 1) of {@code method}, if known. */
    static Optional<String> of(Method method, int index) {
        for (Annotation annotation : method.getAnnotations()) {
            String type = annotation.annotationType().getName();
            Optional<String> file = switch (type) {
                case PACKAGE + "Events" -> events(method, annotation, index);
                case PACKAGE + "Event" ->
                    index == 1 ? Optional.of(name(attribute(annotation, "value"))) : Optional.empty();
                case PACKAGE + "HandlerParams" -> {
                    Annotation events = attribute(annotation, "events");
                    Annotation event = attribute(annotation, "event");
                    yield isSet(events)
                            ? events(method, events, index)
                            : index == 1 && !((String) attribute(event, "value")).isEmpty()
                                    ? Optional.of(name(attribute(event, "value")))
                                    : Optional.empty();
                }
                default -> Optional.empty();
            };
            if (file.isPresent()) {
                return file;
            }
        }
        return Optional.empty();
    }

    /** The invocation index of a test template's invocation, from its unique id. */
    static Optional<Integer> index(String uniqueId) {
        try {
            UniqueId.Segment last = UniqueId.parse(uniqueId).getLastSegment();
            if (last.getType().endsWith("-invocation") && last.getValue().startsWith("#")) {
                return Optional.of(Integer.parseInt(last.getValue().substring(1)));
            }
        } catch (RuntimeException e) {
            // another engine's id form: no index
        }
        return Optional.empty();
    }

    private static boolean isSet(Annotation events) {
        Annotation[] listed = attribute(events, "events");
        return listed.length > 0 || !((String) attribute(events, "folder")).isEmpty();
    }

    private static Optional<String> events(Method method, Annotation events, int index) {
        Annotation[] listed = attribute(events, "events");
        if (listed.length > 0) {
            return index <= listed.length ? Optional.of(name(attribute(listed[index - 1], "value"))) : Optional.empty();
        }
        String folder = attribute(events, "folder");
        ClassLoader loader = method.getDeclaringClass().getClassLoader();
        URL url = loader.getResource(folder.startsWith("/") ? folder.substring(1) : folder);
        if (url == null || !"file".equals(url.getProtocol())) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            List<Path> sorted = files.sorted().filter(Files::isRegularFile).toList();
            return index <= sorted.size()
                    ? Optional.of(sorted.get(index - 1).getFileName().toString())
                    : Optional.empty();
        } catch (IOException | URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static String name(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    @SuppressWarnings("unchecked")
    private static <T> T attribute(Annotation annotation, String name) {
        try {
            return (T) annotation.annotationType().getMethod(name).invoke(annotation);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(
                    "flagtest cannot read " + name + "() of "
                            + annotation.annotationType().getName(),
                    e);
        }
    }
}
