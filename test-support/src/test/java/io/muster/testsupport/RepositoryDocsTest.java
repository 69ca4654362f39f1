package io.muster.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository's Markdown stays readable in any clone: a relative link must resolve to a file or folder inside
 * the repository (a link to a sibling checkout, such as the design notes the project started from, is dead
 * everywhere else), and the design documents in {@code docs/} name only types that exist, so they cannot quietly
 * fall behind a rename. It lives here because test-support is built before every module that could break it and
 * this check needs nothing but the file system.
 */
class RepositoryDocsTest {

    /** The repository's root: the parent of this module, which Maven runs the tests in. */
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    // [text](target) and ![alt](target), with an optional "title"; reference definitions are not used in the repo.
    private static final Pattern LINK =
            Pattern.compile("!?\\[[^\\]]*\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
    private static final Pattern CODE_SPAN = Pattern.compile("`[^`]*`");
    // A type as the documents name it in a code span: `Outbox`, `Outbox.publish`, `SendResult.Failed.retryable`.
    private static final Pattern TYPE_SPAN = Pattern.compile(
            "`([A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*)(?:\\.[A-Za-z]\\w*)*`");
    private static final Pattern DECLARATION =
            Pattern.compile("\\b(?:class|record|enum|interface)\\s+([A-Z][A-Za-z0-9_]*)");

    @Test
    void everyRelativeLinkInTheRepositoryStaysInsideItAndResolves() {
        assertThat(ROOT.resolve("test-support")).as("the tests run in the test-support module").isDirectory();
        List<Path> markdown = files(ROOT, ".md");
        assertThat(markdown).as("the repository's Markdown files").contains(ROOT.resolve("README.md"),
                ROOT.resolve("docs/ARCHITECTURE.md"));
        assertThat(markdown.stream().flatMap(md -> badLinks(ROOT, md).stream()).toList()).isEmpty();
    }

    @Test
    void aLinkOutOfTheRepositoryAndADeadLinkAreBothFound(@TempDir Path tmp) throws IOException {
        Path repo = Files.createDirectories(tmp.resolve("repo"));
        Files.createDirectories(tmp.resolve("shared"));
        Files.writeString(tmp.resolve("shared/ARCHITECTURE.md"), "# outside");
        Files.createDirectories(repo.resolve("docs"));
        Files.writeString(repo.resolve("docs/GLOSSARY.md"), "# inside");
        Path readme = repo.resolve("README.md");
        Files.writeString(readme, """
                The design: [architecture](../shared/ARCHITECTURE.md), the [glossary](docs/GLOSSARY.md#drill),
                the [decisions](docs/decisions/README.md "missing"), [Strimzi](https://strimzi.io), [top](#muster),
                an absolute [path](/etc/hosts), and in code `[not a link](../nowhere.md)`.
                ```
                [in a fence](../also-nowhere.md)
                ```
                """);

        assertThat(badLinks(repo, readme)).containsExactly(
                "README.md:1: ../shared/ARCHITECTURE.md leaves the repository",
                "README.md:2: docs/decisions/README.md does not exist",
                "README.md:3: /etc/hosts leaves the repository");
    }

    @Test
    void theDesignDocumentsNameOnlyTypesThatExist() {
        Set<String> declared = new TreeSet<>();
        for (Path java : files(ROOT, ".java")) {
            Matcher m = DECLARATION.matcher(read(java));
            while (m.find()) {
                declared.add(m.group(1));
            }
        }
        assertThat(declared).as("types found in the repository's sources").contains("Topics", "OutboxRelay");
        List<String> missing = new ArrayList<>();
        for (Path md : files(ROOT.resolve("docs"), ".md")) {
            String[] lines = read(md).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                Matcher m = TYPE_SPAN.matcher(lines[i]);
                while (m.find()) {
                    if (!declared.contains(m.group(1))) {
                        missing.add(ROOT.relativize(md) + ":" + (i + 1) + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(missing).as("types named in docs/ that no source declares (renamed? update the document)")
                .isEmpty();
    }

    /** The links of one Markdown file that leave {@code root} or point at nothing, as "file:line: target why". */
    static List<String> badLinks(Path root, Path markdown) {
        List<String> bad = new ArrayList<>();
        String[] lines = read(markdown).split("\n", -1);
        boolean fenced = false;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].strip().startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            if (fenced) {
                continue;
            }
            Matcher m = LINK.matcher(CODE_SPAN.matcher(lines[i]).replaceAll(""));
            while (m.find()) {
                String target = m.group(1);
                String path = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                if (path.isEmpty() || SCHEME.matcher(target).find()) {
                    continue; // an anchor in the same file, or a web address
                }
                Path resolved = path.startsWith("/") ? Path.of(path)
                        : markdown.getParent().resolve(path).normalize();
                String where = root.relativize(markdown) + ":" + (i + 1) + ": " + target;
                if (!resolved.startsWith(root)) {
                    bad.add(where + " leaves the repository");
                } else if (!Files.exists(resolved)) {
                    bad.add(where + " does not exist");
                }
            }
        }
        return bad;
    }

    /** Files below {@code dir} ending in {@code suffix}, but not in build output or hidden folders (.git, .muster). */
    private static List<Path> files(Path dir, String suffix) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.toString().endsWith(suffix) && Files.isRegularFile(p))
                    .filter(p -> {
                        Path relative = dir.relativize(p);
                        for (Path part : relative) {
                            String name = part.toString();
                            if (name.equals("target") || name.equals("node_modules") || name.startsWith(".")) {
                                return false;
                            }
                        }
                        return true;
                    })
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
