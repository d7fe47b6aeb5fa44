import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import javax.lang.model.SourceVersion;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What a release publishes, checked module by module in the verify phase of {@code mvn -B -Prelease
 * verify} (the exec-maven-plugin execution "release-check" in the root POM; Java's single-file
 * launcher, no build of its own).
 *
 * <p>Every published module: the POM Central gets (its effective form, written by maven-help-plugin
 * to target/release/effective-pom.xml) has name, description, url, a license with name and url,
 * developers and scm, the project's own url (no module path appended), a parent that is published
 * too, and no SNAPSHOT dependency but flagtest's own of a SNAPSHOT build; jar modules have the jar,
 * its -sources and -javadoc jars, and an Automatic-Module-Name; the shaded module's
 * dependency-reduced POM lists none of the dependencies it packs. The root also checks the BOM
 * (every published module, nothing else), the flagtest versions written in README.md, docs, CI
 * files and sources (coordinates, and any x.y.z-SNAPSHOT in Markdown), and CHANGELOG.md's Keep a
 * Changelog form.
 *
 * <p>Arguments: rootDir baseDir buildDir finalName packaging version moduleName.
 */
public class ReleaseCheck {

    private static final Pattern COORDINATES =
            Pattern.compile("io\\.github\\.flagtest:(flagtest-[a-z-]+):([0-9][0-9A-Za-z.+-]*)");
    private static final Pattern XML_COORDINATES = Pattern.compile(
            "<groupId>io\\.github\\.flagtest</groupId>\\s*<artifactId>(flagtest-[a-z-]+)</artifactId>\\s*"
                    + "<version>([^<]*)</version>");
    private static final Pattern SNAPSHOT_VERSION = Pattern.compile("\\b[0-9]+\\.[0-9]+\\.[0-9]+-SNAPSHOT\\b");
    private static final Pattern CHANGELOG_HEADING =
            Pattern.compile("^## \\[(Unreleased|[0-9]+\\.[0-9]+\\.[0-9]+)\\](?: - ([0-9]{4}-[0-9]{2}-[0-9]{2}))?$");

    private final List<String> problems = new ArrayList<>();
    private int checks;

    public static void main(String[] args) throws Exception {
        if (args.length != 7) {
            System.err.println(
                    "usage: ReleaseCheck rootDir baseDir buildDir finalName packaging version moduleName");
            System.exit(2);
        }
        Path root = Path.of(args[0]).toRealPath();
        Path base = Path.of(args[1]).toRealPath();
        Path build = Path.of(args[2]);
        String finalName = args[3];
        String packaging = args[4];
        String version = args[5];
        String moduleName = args[6];

        ReleaseCheck check = new ReleaseCheck();
        Element rootPom = read(root.resolve("pom.xml"));
        check.pom(effectivePom(build, base), rootPom, version, base.getFileName().toString());
        check.parent(read(base.resolve("pom.xml")), rootPom, root.equals(base));
        if (packaging.equals("jar") || packaging.equals("maven-plugin")) {
            check.jars(build, finalName, moduleName, base.getFileName().toString().equals("shaded"));
        }
        Path reduced = build.resolve("dependency-reduced-pom.xml");
        if (Files.exists(reduced)) {
            check.reducedPom(read(base.resolve("pom.xml")), read(reduced));
        }
        if (root.equals(base)) {
            check.bom(root, rootPom, version);
            for (Path doc : documents(root)) {
                check.versions(doc, root.relativize(doc).toString(), version);
            }
            check.changelog(root.resolve("CHANGELOG.md"), version);
        }
        String name = root.equals(base) ? "root" : root.relativize(base).toString();
        if (check.problems.isEmpty()) {
            System.out.println("release check " + name + ": " + check.checks + " checks passed");
        } else {
            System.err.println("release check " + name + ": " + check.problems.size() + " problem(s)");
            check.problems.forEach(p -> System.err.println("  - " + p));
            System.exit(1);
        }
    }

    /** The fields Central requires, in the POM as Central reads it (inheritance applied). */
    private void pom(Element pom, Element rootPom, String version, String where) {
        for (String field : List.of("name", "description", "url")) {
            require(!text(pom, field).isBlank(), where + ": the POM has no <" + field + ">");
        }
        require(
                text(pom, "url").equals(text(rootPom, "url")),
                where + ": <url> is " + text(pom, "url") + ", not the project's " + text(rootPom, "url"));
        Element license = child(child(pom, "licenses"), "license");
        require(
                license != null && !text(license, "name").isBlank() && !text(license, "url").isBlank(),
                where + ": the POM has no <license> with a name and a url");
        Element developer = child(child(pom, "developers"), "developer");
        require(
                developer != null && !(text(developer, "name") + text(developer, "id")).isBlank(),
                where + ": the POM has no <developer>");
        Element scm = child(pom, "scm");
        Element rootScm = child(rootPom, "scm");
        for (String field : List.of("connection", "developerConnection", "url")) {
            require(
                    scm != null && text(scm, field).equals(text(rootScm, field)),
                    where + ": <scm><" + field + "> is '" + (scm == null ? "" : text(scm, field))
                            + "', not the project's '" + text(rootScm, field) + "'");
        }
        Element dependencies = child(pom, "dependencies");
        for (Element dependency : children(dependencies, "dependency")) {
            String v = text(dependency, "version");
            boolean ours = text(dependency, "groupId").equals("io.github.flagtest") && v.equals(version);
            require(
                    !v.endsWith("-SNAPSHOT") || (ours && version.endsWith("-SNAPSHOT")),
                    where + ": depends on the SNAPSHOT " + text(dependency, "groupId") + ":"
                            + text(dependency, "artifactId") + ":" + v);
        }
    }

    /** A module's parent is published as well, in the same version (Central resolves it). */
    private void parent(Element pom, Element rootPom, boolean isRoot) {
        Element parent = child(pom, "parent");
        if (isRoot || parent == null) {
            require(parent == null, "the root POM has a parent: Central would need it too");
            return;
        }
        require(
                text(parent, "artifactId").equals(text(rootPom, "artifactId"))
                        && text(parent, "version").equals(text(rootPom, "version")),
                "the parent " + text(parent, "artifactId") + ":" + text(parent, "version")
                        + " is not the published " + text(rootPom, "artifactId") + ":"
                        + text(rootPom, "version"));
    }

    private void jars(Path build, String finalName, String moduleName, boolean shaded) throws IOException {
        Path jar = build.resolve(finalName + ".jar");
        require(Files.isRegularFile(jar), "no jar " + jar);
        if (Files.isRegularFile(jar)) {
            try (JarFile file = new JarFile(jar.toFile())) {
                String declared = file.getManifest() == null
                        ? null
                        : file.getManifest().getMainAttributes().getValue("Automatic-Module-Name");
                require(
                        moduleName.equals(declared) && SourceVersion.isName(moduleName),
                        jar.getFileName() + ": Automatic-Module-Name is " + declared + ", expected "
                                + moduleName);
            }
        }
        zipWith(build.resolve(finalName + "-sources.jar"), shaded ? "README.txt" : ".java");
        zipWith(build.resolve(finalName + "-javadoc.jar"), shaded ? "README.txt" : "index.html");
    }

    private void zipWith(Path zip, String entrySuffix) throws IOException {
        require(Files.isRegularFile(zip), "no " + zip.getFileName() + " in " + zip.getParent());
        if (Files.isRegularFile(zip)) {
            try (ZipFile file = new ZipFile(zip.toFile())) {
                require(
                        file.stream().anyMatch(e -> e.getName().endsWith(entrySuffix)),
                        zip.getFileName() + " holds no *" + entrySuffix);
            }
        }
    }

    /** The shaded module's published POM: nothing it packs is left as a dependency. */
    private void reducedPom(Element pom, Element reduced) {
        List<String> includes = new ArrayList<>();
        Node shade = pom.getElementsByTagName("artifactSet").item(0);
        if (shade != null) {
            for (Element include : children(child((Element) shade, "includes"), "include")) {
                includes.add(include.getTextContent().trim());
            }
        }
        require(!includes.isEmpty(), "the shade plugin's artifactSet lists no includes");
        for (Element dependency : children(child(reduced, "dependencies"), "dependency")) {
            String ga = text(dependency, "groupId") + ":" + text(dependency, "artifactId");
            for (String include : includes) {
                String regex = Pattern.quote(include).replace("*", "\\E.*\\Q");
                require(
                        !ga.matches(regex),
                        "dependency-reduced-pom.xml still lists " + ga + ", which the jar packs ("
                                + include + ")");
            }
        }
    }

    /** The BOM: Central's fields, this version, and exactly the published modules. */
    private void bom(Path root, Element rootPom, String version) throws Exception {
        Element bom = read(root.resolve("bom/pom.xml"));
        pom(bom, rootPom, version, "bom");
        require(text(bom, "version").equals(version), "bom: version " + text(bom, "version") + ", not " + version);
        Set<String> published = new LinkedHashSet<>();
        collectPublished(root, published);
        published.remove(text(bom, "artifactId"));
        published.remove(text(rootPom, "artifactId"));
        Set<String> listed = new LinkedHashSet<>();
        for (Element d : children(child(child(bom, "dependencyManagement"), "dependencies"), "dependency")) {
            listed.add(text(d, "artifactId"));
        }
        require(
                listed.equals(published),
                "bom: lists " + listed + " but the published modules are " + published);
    }

    private static void collectPublished(Path dir, Set<String> published) throws Exception {
        Element pom = read(dir.resolve("pom.xml"));
        Element properties = child(pom, "properties");
        if (properties != null && text(properties, "maven.deploy.skip").equals("true")) {
            return;
        }
        published.add(text(pom, "artifactId"));
        for (Element module : children(child(pom, "modules"), "module")) {
            collectPublished(dir.resolve(module.getTextContent().trim()), published);
        }
    }

    /** Every flagtest version a user copies from the documentation is this build's version. */
    private void versions(Path doc, String name, String version) throws IOException {
        String text = Files.readString(doc);
        for (Pattern pattern : List.of(COORDINATES, XML_COORDINATES)) {
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                require(
                        m.group(2).equals(version),
                        name + " line " + line(text, m.start()) + ": " + m.group(1) + " " + m.group(2)
                                + ", but the build is " + version);
            }
        }
        if (!name.endsWith(".md")) {
            return;
        }
        Matcher m = SNAPSHOT_VERSION.matcher(text);
        while (m.find()) {
            require(
                    m.group().equals(version),
                    name + " line " + line(text, m.start()) + ": " + m.group() + ", but the build is " + version);
        }
    }

    /** Keep a Changelog: "## [Unreleased]" first, "## [x.y.z] - YYYY-MM-DD" after, each one linked. */
    private void changelog(Path file, String version) throws IOException {
        List<String> lines = Files.readAllLines(file);
        require(!lines.isEmpty() && lines.get(0).equals("# Changelog"), "CHANGELOG.md: no '# Changelog' title");
        List<String> headings = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("## ")) {
                Matcher m = CHANGELOG_HEADING.matcher(line);
                boolean ok = m.matches() && (m.group(1).equals("Unreleased") == (m.group(2) == null));
                require(ok, "CHANGELOG.md: '" + line + "' is neither '## [Unreleased]' nor '## [x.y.z] - YYYY-MM-DD'");
                if (ok) {
                    headings.add(m.group(1));
                }
            }
        }
        require(
                !headings.isEmpty() && headings.get(0).equals("Unreleased"),
                "CHANGELOG.md: the first section is not '## [Unreleased]'");
        for (String heading : headings) {
            require(
                    lines.stream().anyMatch(l -> l.startsWith("[" + heading + "]: ")),
                    "CHANGELOG.md: no link '[" + heading + "]: ...' for its section");
        }
        String release = version.replace("-SNAPSHOT", "");
        require(
                version.endsWith("-SNAPSHOT") || headings.contains(release),
                "CHANGELOG.md: the release " + release + " has no '## [" + release + "] - date' section");
    }

    /** README.md, docs, CI files and sources: anywhere a user may copy a flagtest version from. */
    private static List<Path> documents(Path root) throws IOException {
        Set<String> skipped = Set.of("target", ".git", "api-baseline", "node_modules");
        try (var stream = Files.walk(root)) {
            return stream.filter(p -> root.relativize(p).toString().isEmpty()
                            || java.util.stream.StreamSupport.stream(root.relativize(p).spliterator(), false)
                                    .noneMatch(part -> skipped.contains(part.toString())))
                    .filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().matches(".*\\.(md|yml|yaml|java)|run"))
                    .sorted()
                    .toList();
        }
    }

    private static Element effectivePom(Path build, Path base) throws Exception {
        Path file = build.resolve("release/effective-pom.xml");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no " + file + ": the release profile's help:effective-pom did not run");
        }
        Element top = read(file);
        if (!top.getTagName().equals("projects")) {
            return top;
        }
        String artifactId = text(read(base.resolve("pom.xml")), "artifactId");
        for (Element project : children(top, "project")) {
            if (text(project, "artifactId").equals(artifactId)) {
                return project;
            }
        }
        throw new IllegalStateException(file + " has no project " + artifactId);
    }

    private void require(boolean condition, String problem) {
        checks++;
        if (!condition) {
            problems.add(problem);
        }
    }

    private static int line(String text, int offset) {
        return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }

    private static Element read(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder().parse(file.toFile());
        return document.getDocumentElement();
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        if (parent == null) {
            return found;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                found.add(e);
            }
        }
        return found;
    }

    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? "" : e.getTextContent().trim();
    }
}
