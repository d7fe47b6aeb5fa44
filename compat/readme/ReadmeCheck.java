import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import javax.xml.parsers.DocumentBuilderFactory;
import org.xml.sax.InputSource;

/**
 * Checks the code of a Markdown file (the README) as a newcomer would paste it. Run with the JDK's
 * source launcher, from compat/run:
 *
 * <pre>
 *   java ReadmeCheck.java files README.md PROJECT_DIR      fences, XML; writes the tutorial's files
 *   java ReadmeCheck.java snippets README.md CLASSPATH     compiles every other java fence
 * </pre>
 *
 * Fences: each is closed by a line of backticks alone, names its language ({@code text} for output),
 * and an {@code xml} fence is well-formed (several elements side by side are allowed). A fence is a
 * tutorial file when its first line is {@code // src/...java} or {@code # src/...}, or when the line
 * before it is {@code <!-- file: src/... -->}: "files" writes it there (a later fence with the same
 * path replaces an earlier one: the project ends in the tutorial's last state). Every other java
 * fence is compiled by "snippets" in the tutorial's package, against CLASSPATH (the built tutorial
 * project's test class path and classes): as a file when it declares a top-level type, else as the
 * members of a class, else as the statements of a method. A fence after {@code <!-- fragment -->}
 * is deliberately partial: only its imports are compiled.
 */
public final class ReadmeCheck {

    private static final String PACKAGE = "com.example.orders";
    private static final Pattern OPEN = Pattern.compile("^(`{3,}|~{3,})(.*)$");
    private static final Pattern FILE_MARKER = Pattern.compile("^<!--\\s*file:\\s*(\\S+)\\s*-->$");
    private static final Pattern FILE_COMMENT = Pattern.compile("^(?://|#)\\s*(src/\\S+\\.\\w+)\\s*$");
    private static final Pattern TYPE = Pattern.compile(
            "^(?:(?:public|final|abstract|sealed)\\s+)*(?:class|interface|record|enum|@interface)\\s+(\\w+)");

    record Fence(int line, String language, List<String> body, boolean fragment, Optional<String> file) {
        String text() {
            return String.join("\n", body) + "\n";
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3 || !List.of("files", "snippets").contains(args[0])) {
            System.err.println("usage: java ReadmeCheck.java files README.md PROJECT_DIR | snippets README.md CLASSPATH");
            System.exit(2);
        }
        Path readme = Path.of(args[1]);
        List<String> problems = new ArrayList<>();
        List<Fence> fences = fences(Files.readAllLines(readme, StandardCharsets.UTF_8), problems);
        if (args[0].equals("files")) {
            checkXml(fences, problems);
            int written = writeFiles(fences, Path.of(args[2]));
            System.out.printf("readme: %d fences checked, %d written as the tutorial's files%n", fences.size(), written);
        } else {
            compileSnippets(fences, args[2], problems);
        }
        problems.forEach(problem -> System.out.println(readme.getFileName() + ":" + problem));
        if (!problems.isEmpty()) {
            System.out.println("readme: " + problems.size() + " problem(s)");
            System.exit(1);
        }
    }

    static List<Fence> fences(List<String> lines, List<String> problems) {
        List<Fence> fences = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher open = OPEN.matcher(lines.get(i));
            if (!open.matches()) {
                continue;
            }
            int start = i + 1;
            String marker = open.group(1);
            String language = open.group(2).trim().split("\\s+")[0].toLowerCase(Locale.ROOT);
            if (language.isEmpty()) {
                problems.add(start + ": the fence names no language (```text for output)");
            } else if (language.contains("`")) {
                problems.add(start + ": ``` followed by text opens a fence here; put a fence on a line of its own");
            }
            List<String> body = new ArrayList<>();
            boolean closed = false;
            for (i = i + 1; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.strip().startsWith(marker.substring(0, 3))) {
                    if (line.strip().matches(Pattern.quote(String.valueOf(marker.charAt(0))) + "{"
                            + marker.length() + ",}")) {
                        closed = true;
                        break;
                    }
                    problems.add((i + 1) + ": '" + abbreviate(line) + "' does not close the fence opened at line "
                            + start + ": a closing fence stands alone on its line");
                }
                body.add(line);
            }
            if (!closed) {
                problems.add(start + ": the fence is never closed");
            }
            String before = previousLine(lines, start - 1);
            Matcher fileMarker = FILE_MARKER.matcher(before);
            Optional<String> file = fileMarker.matches() ? Optional.of(fileMarker.group(1)) : fileComment(body);
            fences.add(new Fence(start, language, body, before.equals("<!-- fragment -->"), file));
        }
        return fences;
    }

    private static String previousLine(List<String> lines, int index) {
        for (int j = index - 1; j >= 0; j--) {
            if (!lines.get(j).isBlank()) {
                return lines.get(j).strip();
            }
        }
        return "";
    }

    private static Optional<String> fileComment(List<String> body) {
        return body.stream()
                .filter(line -> !line.isBlank())
                .findFirst()
                .map(FILE_COMMENT::matcher)
                .filter(Matcher::matches)
                .map(matcher -> matcher.group(1));
    }

    private static String abbreviate(String line) {
        return line.length() > 40 ? line.substring(0, 40) + "..." : line;
    }

    static void checkXml(List<Fence> fences, List<String> problems) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        for (Fence fence : fences) {
            if (!fence.language().equals("xml")) {
                continue;
            }
            String text = fence.text().replaceFirst("^\\s*<\\?xml[^>]*\\?>", "");
            try {
                var builder = factory.newDocumentBuilder();
                builder.setErrorHandler(null);
                builder.parse(new InputSource(new StringReader("<snippet>" + text + "</snippet>")));
            } catch (org.xml.sax.SAXParseException e) {
                problems.add((fence.line() + e.getLineNumber()) + ": the xml fence opened at line " + fence.line()
                        + " is not well-formed: " + e.getMessage());
            }
        }
    }

    static int writeFiles(List<Fence> fences, Path project) throws IOException {
        int written = 0;
        for (Fence fence : fences) {
            if (fence.file().isPresent()) {
                Path target = project.resolve(fence.file().get());
                Files.createDirectories(target.getParent());
                Files.writeString(target, fence.text(), StandardCharsets.UTF_8);
                written++;
            }
        }
        return written;
    }

    static void compileSnippets(List<Fence> fences, String classPath, List<String> problems) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        // one file manager for every snippet: the class path's jars are opened once
        StandardJavaFileManager files = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
        files.setLocation(StandardLocation.CLASS_PATH, Arrays.stream(classPath.split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .map(File::new)
                .toList());
        files.setLocation(
                StandardLocation.CLASS_OUTPUT, List.of(Files.createTempDirectory("readme-snippets").toFile()));
        int compiled = 0;
        int fragments = 0;
        for (Fence fence : fences) {
            if (!fence.language().equals("java") || fence.file().isPresent()) {
                continue;
            }
            List<String> errors;
            if (fence.fragment()) {
                fragments++;
                errors = compile(javac, files, fence, Form.IMPORTS_ONLY);
            } else if (fence.body().stream().anyMatch(line -> TYPE.matcher(line).find())) {
                compiled++;
                errors = compile(javac, files, fence, Form.FILE);
            } else {
                compiled++;
                errors = compile(javac, files, fence, Form.MEMBERS);
                if (!errors.isEmpty()) {
                    List<String> statements = compile(javac, files, fence, Form.STATEMENTS);
                    errors = statements.size() < errors.size() ? statements : errors;
                }
            }
            errors.forEach(error -> problems.add(error + " (java fence at line " + fence.line()
                    + (fence.fragment() ? ", a fragment: its imports" : "") + ")"));
        }
        System.out.printf("readme: %d java snippets compiled, %d fragments (imports compiled)%n", compiled, fragments);
    }

    /** How a fence becomes a compilation unit: as it is, a class's members, a method's statements, or its imports. */
    enum Form {
        FILE("", ""),
        MEMBERS("class %s {", "}"),
        STATEMENTS("class %s { void snippet() throws Exception {", "}}"),
        IMPORTS_ONLY("class %s {}", "");

        final String open;
        final String close;

        Form(String open, String close) {
            this.open = open;
            this.close = close;
        }
    }

    /** Compiles the fence in one form; errors carry the README line they point at. */
    private static List<String> compile(JavaCompiler javac, StandardJavaFileManager files, Fence fence, Form form) {
        List<String> source = new ArrayList<>(List.of("package " + PACKAGE + ";"));
        List<Integer> readmeLine = new ArrayList<>(List.of(fence.line()));
        List<String> rest = new ArrayList<>();
        List<Integer> restLines = new ArrayList<>();
        for (int i = 0; i < fence.body().size(); i++) {
            boolean isImport = fence.body().get(i).startsWith("import ");
            (isImport ? source : rest).add(fence.body().get(i));
            (isImport ? readmeLine : restLines).add(fence.line() + 1 + i);
        }
        String name = form == Form.FILE ? fileName(rest).orElse("Readme" + fence.line()) : "Readme" + fence.line();
        if (!form.open.isEmpty()) {
            source.add(form.open.formatted(name));
            readmeLine.add(fence.line());
        }
        if (form != Form.IMPORTS_ONLY) {
            source.addAll(rest);
            readmeLine.addAll(restLines);
        }
        if (!form.close.isEmpty()) {
            source.add(form.close);
            readmeLine.add(fence.line());
        }
        String code = String.join("\n", source) + "\n";
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///" + name + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return code;
            }
        };
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        javac.getTask(null, files, diagnostics, List.of("-proc:none", "-Xlint:none"), null, List.of(file)).call();
        return diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> {
                    int line = (int) d.getLineNumber();
                    int at = line >= 1 && line <= readmeLine.size() ? readmeLine.get(line - 1) : fence.line();
                    return at + ": " + d.getMessage(Locale.ROOT).lines().limit(2).map(String::strip)
                            .collect(Collectors.joining(" ")).replaceAll("\\s+", " ");
                })
                .toList();
    }

    /** The source file's name: its public top-level type, else its first one. */
    private static Optional<String> fileName(List<String> lines) {
        Optional<String> first = Optional.empty();
        for (String line : lines) {
            Matcher type = TYPE.matcher(line);
            if (type.find()) {
                if (line.startsWith("public ")) {
                    return Optional.of(type.group(1));
                }
                first = first.or(() -> Optional.of(type.group(1)));
            }
        }
        return first;
    }
}
