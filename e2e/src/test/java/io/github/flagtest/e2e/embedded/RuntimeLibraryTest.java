package io.github.flagtest.e2e.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("the embedded Lambda runtime's jars (Lambda's /var/runtime/lib)")
class RuntimeLibraryTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("are used where they lie when flagtest's classes are a directory")
    void fromDirectory() {
        RuntimeLibrary runtime = RuntimeLibrary.locate(dir);

        assertThat(runtime.jars()).hasSize(RuntimeLibrary.JARS.size()).allMatch(Files::isRegularFile);
        assertThat(runtime.jars().get(0).getFileName()).hasToString("aws-lambda-java-runtime-interface-client.jar");
        assertThat(runtime.classPath()).startsWith(runtime.jars().get(0).toString());
    }

    @Test
    @DisplayName("are laid out once, in a directory named by their content, when flagtest is a jar: a later test JVM"
            + " finds the same files, so the function JVMs' class-data archives still match")
    void fromJar() throws Exception {
        Path jar = dir.resolve("flagtest-e2e.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String name : RuntimeLibrary.JARS) {
                out.putNextEntry(new JarEntry("io/github/flagtest/e2e/embedded/runtime/" + name));
                out.write(name.getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        List<URL> urls = new ArrayList<>();
        for (String name : RuntimeLibrary.JARS) {
            urls.add(new URL("jar:" + jar.toUri() + "!/io/github/flagtest/e2e/embedded/runtime/" + name));
        }
        Path under = Files.createDirectory(dir.resolve("cds"));

        RuntimeLibrary first = RuntimeLibrary.extract(urls, under);
        FileTime laidOut = Files.getLastModifiedTime(first.jars().get(1));
        RuntimeLibrary second = RuntimeLibrary.extract(urls, under);

        assertThat(second).isEqualTo(first);
        assertThat(first.dir().getParent()).isEqualTo(under);
        assertThat(first.dir().getFileName().toString()).matches("lambda-runtime-[0-9a-f]{24}");
        assertThat(Files.readString(first.jars().get(1))).isEqualTo("aws-lambda-java-core.jar");
        assertThat(Files.getLastModifiedTime(second.jars().get(1))).isEqualTo(laidOut);
        try (var files = Files.list(first.dir())) {
            assertThat(files).hasSize(RuntimeLibrary.JARS.size());
        }
    }
}
