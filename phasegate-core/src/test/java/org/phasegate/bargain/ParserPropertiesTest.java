package org.phasegate.bargain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Mutated and random input never crashes a reader with anything but {@link IssueParseException}. */
class ParserPropertiesTest {
    private static final String CSV = read("inputs/dummyData_3Dim.csv");
    private static final String XML = read("inputs/smpExample.fixed-det.xml");
    private static final String YAML = readRepo("scenarios/gaza-2025-issues.yaml");

    private static String read(String rel) {
        try {
            return Files.readString(KtabData.dir().resolve(rel));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String readRepo(String rel) {
        try {
            return Files.readString(Path.of(System.getProperty("phasegate.root", "..")).resolve(rel));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    interface Reader {
        Issue parse(String file, String text) throws IssueParseException;
    }

    private static void onlyParseExceptions(Reader reader, String text) {
        try {
            Issue issue = reader.parse("f", text);
            assertThat(issue.actors()).hasSizeBetween(Issue.MIN_ACTORS, Issue.MAX_ACTORS);
        } catch (IssueParseException e) {
            assertThat(e.getMessage()).startsWith("f:");
        }
    }

    @Provide
    Arbitrary<String> garbage() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(300),
                Arbitraries.strings().withChars("<>/=\"',:-{}[]\n 0123456789.abcXYZ#&;!?").ofMaxLength(300));
    }

    @Property(tries = 300)
    void csvMutations(@ForAll @IntRange(min = 0, max = 100_000) int at, @ForAll @IntRange(min = 0, max = 40) int cut,
                      @ForAll("garbage") String insert) {
        onlyParseExceptions(KtabCsvReader::parse, mutate(CSV, at, cut, insert));
    }

    @Property(tries = 300)
    void xmlMutations(@ForAll @IntRange(min = 0, max = 100_000) int at, @ForAll @IntRange(min = 0, max = 40) int cut,
                      @ForAll("garbage") String insert) {
        onlyParseExceptions(KtabXmlReader::parse, mutate(XML, at, cut, insert));
    }

    @Property(tries = 300)
    void yamlMutations(@ForAll @IntRange(min = 0, max = 100_000) int at, @ForAll @IntRange(min = 0, max = 40) int cut,
                       @ForAll("garbage") String insert) {
        onlyParseExceptions(IssueYamlReader::parse, mutate(YAML, at, cut, insert));
    }

    @Property(tries = 200)
    void garbageNeverCrashesAnyReader(@ForAll("garbage") String text) {
        onlyParseExceptions(KtabCsvReader::parse, text);
        onlyParseExceptions(KtabXmlReader::parse, text);
        onlyParseExceptions(IssueYamlReader::parse, text);
    }

    private static String mutate(String text, int at, int cut, String insert) {
        int i = at % (text.length() + 1);
        int j = Math.min(text.length(), i + cut);
        return text.substring(0, i) + insert + text.substring(j);
    }
}
