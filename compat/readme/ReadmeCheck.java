import com.sun.source.util.JavacTask;
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
 * fence is compiled whole by "snippets", each as its own compilation unit in the tutorial's package,
 * against CLASSPATH (the built tutorial project's test class path and classes): as a file when it
 * declares a top-level type, else as the members of a class, else as the statements of a method. So
 * a fence that names a tutorial type ({@code OrderService}, {@code Features}) must use it as the
 * tutorial defines it, and one that forgets an import fails.
 *
 * <p>A fragment that assumes something neither its imports nor the tutorial give (a variable such as
 * {@code event}, a class of the reader's own) says so in the comment right before it, in Java:
 *
 * <pre>
 *   &lt;!-- fragment, given:
 *   import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
 *   APIGatewayProxyRequestEvent event;
 *   --&gt;
 * </pre>
 *
 * The given declarations are compiled with their own imports as static members of a class beside the
 * fence's unit, which imports them ({@code import static ...Given<line>.*}): they add names, they
 * cannot replace a tutorial type (the package's own types win) nor lend the fence an import. A bare
 * {@code <!-- fragment -->} exempts nothing and is reported. Every error names the README line.
 */
public final class ReadmeCheck {

    private static final String PACKAGE = "com.example.orders";
    private static final Pattern OPEN = Pattern.compile("^(`{3,}|~{3,})(.*)$");
    private static final Pattern FILE_MARKER = Pattern.compile("^<!--\\s*file:\\s*(\\S+)\\s*-->$");
    private static final Pattern FILE_COMMENT = Pattern.compile("^(?://|#)\\s*(src/\\S+\\.\\w+)\\s*$");
    private static final Pattern TYPE = Pattern.compile(
            "^(?:(?:public|final|abstract|sealed)\\s+)*(?:class|interface|record|enum|@interface)\\s+(\\w+)");

    private static final Pattern FRAGMENT = Pattern.compile("^<!--\\s*fragment\\b(.*)$");
    private static final Pattern GIVEN = Pattern.compile("^,\\s*given:(.*)$");

    /** The declarations a fragment is given, each line with the README line it stands on. */
    record Given(List<String> lines, List<Integer> readmeLines) {
        int line() {
            return readmeLines.get(0);
        }
    }

    record Fence(int line, String language, List<String> body, Optional<Given> given, Optional<String> file) {
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
            fences.add(new Fence(start, language, body, given(lines, start - 1, problems), file));
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

    /** The declarations of the {@code <!-- fragment, given: ... -->} comment right before the fence at index. */
    private static Optional<Given> given(List<String> lines, int fence, List<String> problems) {
        int end = fence - 1;
        while (end >= 0 && lines.get(end).isBlank()) {
            end--;
        }
        if (end < 0 || !lines.get(end).strip().endsWith("-->")) {
            return Optional.empty();
        }
        int open = end;
        while (open > 0 && !lines.get(open).strip().startsWith("<!--")) {
            open--;
        }
        Matcher fragment = FRAGMENT.matcher(lines.get(open).strip());
        if (!fragment.matches()) {
            return Optional.empty();
        }
        String rest = fragment.group(1).strip();
        Matcher given = GIVEN.matcher(rest);
        if (!given.matches()) {
            problems.add((open + 1) + ": '" + abbreviate(lines.get(open).strip()) + "' exempts nothing: every java fence is"
                    + " compiled whole; remove it, or state what the fragment assumes: <!-- fragment, given: DECLARATIONS -->");
            return Optional.empty();
        }
        List<String> declarations = new ArrayList<>();
        List<Integer> readmeLines = new ArrayList<>();
        for (int i = open; i <= end; i++) {
            String line = i == open ? given.group(1) : lines.get(i);
            if (i == end) {
                line = line.substring(0, line.lastIndexOf("-->"));
            }
            declarations.add(line);
            readmeLines.add(i + 1);
        }
        return Optional.of(new Given(declarations, readmeLines));
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
        int compiled = 0;
        int given = 0;
        for (Fence fence : fences) {
            if (!fence.language().equals("java") || fence.file().isPresent()) {
                continue;
            }
            compiled++;
            given += fence.given().isPresent() ? 1 : 0;
            Form form = fence.body().stream().anyMatch(line -> TYPE.matcher(line).find()) ? Form.FILE
                    : parses(javac, files, fence, Form.MEMBERS) || !parses(javac, files, fence, Form.STATEMENTS)
                            ? Form.MEMBERS : Form.STATEMENTS;
            List<String> errors = compile(javac, files, fence, form);
            errors.forEach(error -> problems.add(error + " (java fence at line " + fence.line() + ")"));
        }
        System.out.printf("readme: %d java snippets compiled whole, %d of them with given declarations%n", compiled, given);
    }

    /** How a fence becomes a compilation unit: as it is, a class's members, or a method's statements. */
    enum Form {
        FILE("", ""),
        MEMBERS("class %s {", "}"),
        STATEMENTS("class %s { void snippet() throws Exception {", "}}");

        final String open;
        final String close;

        Form(String open, String close) {
            this.open = open;
            this.close = close;
        }
    }

    /** Java source built line by line, each line with the README line it comes from. */
    private record Source(String name, List<String> lines, List<Integer> readmeLines) {
        Source(String name) {
            this(name, new ArrayList<>(), new ArrayList<>());
        }

        void add(String line, int readmeLine) {
            lines.add(line);
            readmeLines.add(readmeLine);
        }

        JavaFileObject file() {
            String code = String.join("\n", lines) + "\n";
            return new SimpleJavaFileObject(URI.create("string:///" + name + ".java"), JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return code;
                }
            };
        }

        int readmeLine(long line, int fallback) {
            return line >= 1 && line <= readmeLines.size() ? readmeLines.get((int) line - 1) : fallback;
        }
    }

    /** Whether the fence, in this form, is Java syntax (parsed only: no class path needed). */
    private static boolean parses(JavaCompiler javac, StandardJavaFileManager files, Fence fence, Form form) {
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try {
            ((JavacTask) javac.getTask(null, files, diagnostics, List.of("-proc:none"), null,
                    List.of(unit(fence, form).file()))).parse();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return diagnostics.getDiagnostics().stream().noneMatch(d -> d.getKind() == Diagnostic.Kind.ERROR);
    }

    /**
     * Compiles the fence in one form, with its given declarations beside it; errors carry the README
     * line they point at.
     */
    private static List<String> compile(JavaCompiler javac, StandardJavaFileManager files, Fence fence, Form form) {
        List<Source> units = new ArrayList<>();
        fence.given().ifPresent(given -> units.add(givenUnit(given, "Given" + fence.line())));
        units.add(unit(fence, form));
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<JavaFileObject> sources = units.stream().map(Source::file).toList();
        try { // analyzed (attributed, flow-checked) only: no class file is written
            ((JavacTask) javac.getTask(null, files, diagnostics, List.of("-proc:none", "-Xlint:none"), null, sources))
                    .analyze();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .map(d -> {
                    Source unit = units.get(sources.indexOf(d.getSource()));
                    int at = unit.readmeLine(d.getLineNumber(), fence.line());
                    String where = unit.name().startsWith("Given") ? "in the given declarations: " : "";
                    return at + ": " + where + d.getMessage(Locale.ROOT).lines().limit(2).map(String::strip)
                            .collect(Collectors.joining(" ")).replaceAll("\\s+", " ");
                })
                .toList();
    }

    /** The fence's own compilation unit in one form, importing its given declarations if it has any. */
    private static Source unit(Fence fence, Form form) {
        List<String> code = fence.body().stream().filter(line -> !line.startsWith("import ")).toList();
        String name = form == Form.FILE ? fileName(code).orElse("Readme" + fence.line()) : "Readme" + fence.line();
        Source source = new Source(name);
        source.add("package " + PACKAGE + ";", fence.line());
        fence.given().ifPresent(given ->
                source.add("import static " + PACKAGE + ".Given" + fence.line() + ".*;", given.line()));
        List<String> rest = new ArrayList<>();
        List<Integer> restLines = new ArrayList<>();
        for (int i = 0; i < fence.body().size(); i++) {
            String line = fence.body().get(i);
            if (line.startsWith("import ")) {
                source.add(line, fence.line() + 1 + i);
            } else {
                rest.add(line);
                restLines.add(fence.line() + 1 + i);
            }
        }
        if (!form.open.isEmpty()) {
            source.add(form.open.formatted(name), fence.line());
        }
        for (int i = 0; i < rest.size(); i++) {
            source.add(rest.get(i), restLines.get(i));
        }
        if (!form.close.isEmpty()) {
            source.add(form.close, fence.line());
        }
        return source;
    }

    /**
     * The given declarations as a class of static members: {@code static} goes before each top-level
     * declaration (a field, a method, a type); import lines stay imports of this unit alone.
     */
    private static Source givenUnit(Given given, String holder) {
        Source unit = new Source(holder);
        unit.add("package " + PACKAGE + ";", given.line());
        List<Integer> bodyLines = new ArrayList<>();
        List<String> body = new ArrayList<>();
        for (int i = 0; i < given.lines().size(); i++) {
            String line = given.lines().get(i);
            if (line.strip().startsWith("import ")) {
                unit.add(line.strip(), given.readmeLines().get(i));
            } else {
                body.add(line);
                bodyLines.add(given.readmeLines().get(i));
            }
        }
        unit.add("final class " + holder + " {", given.line());
        int depth = 0;
        boolean declarationStarts = true;
        for (int i = 0; i < body.size(); i++) {
            StringBuilder line = new StringBuilder();
            String text = body.get(i);
            for (int at = 0; at < text.length(); at++) {
                char c = text.charAt(at);
                if (text.startsWith("//", at)) {
                    line.append(text.substring(at));
                    break;
                }
                if (declarationStarts && depth == 0 && !Character.isWhitespace(c)) {
                    line.append(text.startsWith("static ", at) ? "" : "static ");
                    declarationStarts = false;
                }
                line.append(c);
                depth += c == '{' || c == '(' ? 1 : c == '}' || c == ')' ? -1 : 0;
                declarationStarts |= depth == 0 && (c == ';' || c == '}');
            }
            unit.add(line.toString(), bodyLines.get(i));
        }
        unit.add("}", given.line());
        return unit;
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
